package io.loopguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.demo.db.TestDatabase;
import io.loopguard.demo.http.Endpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both ways of every pair answer the same thing, on a real PostgreSQL given as {@code --jdbc-url} (the container or
 * the embedded server of {@link TestDatabase}).
 */
class DemoServiceTest {

    private static DemoService service;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        TestDatabase db = TestDatabase.shared();
        service = DemoService.start(DemoOptions.parse("--port", "0", "--event-loops", "2",
                "--jdbc-url", db.url(), "--db-user", db.user(), "--db-password", db.password()));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void bothWaysOfEachPairGiveTheSameAnswer() throws Exception {
        for (Endpoints.Pair pair : Endpoints.PAIRS) {
            HttpResponse<String> blocking = get(pair.blockingPath() + "?id=7");
            HttpResponse<String> async = get(pair.asyncPath() + "?id=7");
            assertThat(blocking.statusCode()).as(pair.blockingPath()).isEqualTo(200);
            assertThat(async.statusCode()).as(pair.asyncPath()).isEqualTo(200);
            assertThat(async.body()).as(pair.name()).isEqualTo(blocking.body());
        }
    }

    @Test
    void answersComeFromTheDatabaseTheFileAndTheResolver() throws Exception {
        assertThat(get("/async/user?id=7").body()).isEqualTo("{\"id\":7,\"name\":\"user-7\"}");
        assertThat(get("/blocking/user?id=10").statusCode()).isEqualTo(404);
        assertThat(get("/async/user?id=10").statusCode()).isEqualTo(404);
        assertThat(get("/async/file").body()).contains("Never block the event loop.");
        assertThat(get("/async/host").body()).contains("\"host\":\"localhost\"");
        assertThat(get("/blocking/downstream?id=3").body()).isEqualTo("{\"quote\":\"quote-3\"}");
    }

    @Test
    void healthAndIndexAndUnknownPaths() throws Exception {
        assertThat(get(Endpoints.HEALTH).body()).isEqualTo("ok\n");
        List<String> paths = new ArrayList<>();
        Endpoints.PAIRS.forEach(pair -> paths.addAll(List.of(pair.blockingPath(), pair.asyncPath())));
        assertThat(get("/").body()).contains(paths);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        URI uri = service.baseUri().resolve(pathAndQuery);
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
