package io.loopguard.demo.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpServerRequest;

/** Writing responses. Errors go to the client, never to a log: logging here would run on the event loop. */
final class Responses {

    private Responses() {
    }

    static void json(HttpServerRequest request, String json) {
        request.response().putHeader("content-type", "application/json").end(json);
    }

    static void text(HttpServerRequest request, int status, String text) {
        request.response().setStatusCode(status).putHeader("content-type", "text/plain; charset=utf-8").end(text);
    }

    static void error(HttpServerRequest request, Throwable failure) {
        text(request, 500, failure.getClass().getSimpleName() + ": " + failure.getMessage() + "\n");
    }

    /** Ends the request with {@code json} of the result, or with the failure. */
    static void complete(HttpServerRequest request, AsyncResult<String> result) {
        if (result.succeeded()) {
            json(request, result.result());
        } else {
            error(request, result.cause());
        }
    }

    /** A JSON string literal; the demo's values are plain, but a file could hold anything. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The {@code id} query parameter, 1 when missing or not a number. */
    static int id(HttpServerRequest request) {
        String value = request.getParam("id");
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
