package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.FIRST_ARG;
import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.BLOCKING_CHANNEL;

import io.loopguard.format.Category;

/**
 * {@code socket}: blocking sockets and HTTP clients.
 *
 * <p>{@code java.net.Socket}/{@code ServerSocket} run on {@code sun.nio.ch.NioSocketImpl} on JDK 17 and 25 (the
 * legacy {@code PlainSocketImpl} only with {@code -Djdk.net.usePlainSocketImpl} on 17; gone later), and
 * {@code DatagramSocket} on {@code sun.nio.ch.DatagramSocketAdaptor} (JDK 15+). The NIO channels are woven with
 * {@code BLOCKING_CHANNEL}: the runtime records them only in blocking mode, so a Netty or Vert.x loop's own
 * non-blocking reads and writes are never blocking calls.
 */
final class SocketInstrumentation {
    private SocketInstrumentation() {
    }

    static void declare(Catalogue c) {
        String nio = "sun/nio/ch/NioSocketImpl";
        c.timedExact(nio, "connect", "(Ljava/net/SocketAddress;I)V", Category.SOCKET, "java.net.Socket.connect", 0, FIRST_ARG);
        c.timedExact(nio, "accept", null, Category.SOCKET, "java.net.ServerSocket.accept", 0, THIS);
        c.timedExact(nio, "read", "([BII)I", Category.SOCKET, "java.net.Socket.read", 0, THIS);
        c.timedExact(nio, "write", "([BII)V", Category.SOCKET, "java.net.Socket.write", 0, THIS);
        c.timed("sun/nio/ch/SocketChannelImpl", Category.SOCKET, "java.nio.channels.SocketChannel", BLOCKING_CHANNEL, THIS,
                "read", "write", "connect", "finishConnect");
        c.timedExact("sun/nio/ch/ServerSocketChannelImpl", "accept", "()Ljava/nio/channels/SocketChannel;", Category.SOCKET,
                "java.nio.channels.ServerSocketChannel.accept", BLOCKING_CHANNEL, THIS);
        c.timed("sun/nio/ch/DatagramChannelImpl", Category.SOCKET, "java.nio.channels.DatagramChannel", BLOCKING_CHANNEL, THIS,
                "receive", "send", "read", "write");
        c.timed("sun/nio/ch/DatagramSocketAdaptor", Category.SOCKET, "java.net.DatagramSocket", 0, FIRST_ARG, "receive", "send");
        c.timed("sun/net/www/protocol/http/HttpURLConnection", Category.SOCKET, "java.net.HttpURLConnection", 0, THIS,
                "connect", "getInputStream", "getOutputStream");
        c.timed("java/net/HttpURLConnection", Category.SOCKET, "java.net.HttpURLConnection", 0, THIS, "getResponseCode");
        c.timed("jdk/internal/net/http/HttpClientImpl", Category.SOCKET, "java.net.http.HttpClient", 0, FIRST_ARG, "send");
    }
}
