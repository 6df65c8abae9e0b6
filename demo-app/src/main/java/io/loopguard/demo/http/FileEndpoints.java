package io.loopguard.demo.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File read: {@code Files.readString} on the event loop vs Vert.x's asynchronous file system. */
final class FileEndpoints {

    private final Vertx vertx;
    private final Path file;

    FileEndpoints(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    /** Wrong: fast while the page cache holds the file, a stall when the disk (or a network mount) is slow. */
    void blocking(HttpServerRequest request) {
        try {
            respond(request, Files.readString(file));
        } catch (IOException e) {
            Responses.error(request, e);
        }
    }

    /** Right: Vert.x reads on its internal worker pool and calls back on the loop. */
    void async(HttpServerRequest request) {
        vertx.fileSystem().readFile(file.toString())
                .onSuccess(buffer -> respond(request, buffer.toString()))
                .onFailure(failure -> Responses.error(request, failure));
    }

    private static void respond(HttpServerRequest request, String content) {
        Responses.json(request, "{\"motd\":" + Responses.quote(content.strip()) + "}");
    }
}
