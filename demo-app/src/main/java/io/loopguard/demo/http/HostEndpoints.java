package io.loopguard.demo.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Host lookup: {@code InetAddress.getByName} on the loop vs the same call on a worker. The name resolves offline
 * ({@code localhost} by default); a real name would hit the system resolver and could take seconds when DNS is slow.
 */
final class HostEndpoints {

    private final Vertx vertx;
    private final String host;

    HostEndpoints(Vertx vertx, String host) {
        this.vertx = vertx;
        this.host = host;
    }

    /** Wrong: a resolver call on the loop; the JDK's cache makes it fast until the entry expires. */
    void blocking(HttpServerRequest request) {
        try {
            respond(request, InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            Responses.error(request, e);
        }
    }

    /**
     * Right: the lookup runs on a worker. (Vert.x's own DNS client would do as well, but it asks a DNS server, and
     * {@code localhost} comes from the hosts file.)
     */
    void async(HttpServerRequest request) {
        vertx.executeBlocking(() -> InetAddress.getByName(host), false)
                .onSuccess(address -> respond(request, address))
                .onFailure(failure -> Responses.error(request, failure));
    }

    private void respond(HttpServerRequest request, InetAddress address) {
        Responses.json(request, "{\"host\":" + Responses.quote(host) + ",\"address\":"
                + Responses.quote(address.getHostAddress()) + "}");
    }
}
