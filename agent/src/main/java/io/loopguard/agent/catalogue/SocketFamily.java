package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.FIRST_ARG;
import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.BLOCKING_CHANNEL;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.net.URLConnection;
import java.net.http.HttpRequest;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;

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
final class SocketFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.SOCKET;
    }

    @Override
    public void declare(Rules rules) {
        String nio = "sun/nio/ch/NioSocketImpl";
        rules.timedExact(nio, "connect", "(Ljava/net/SocketAddress;I)V", "java.net.Socket.connect", 0, FIRST_ARG);
        rules.timedExact(nio, "accept", null, "java.net.ServerSocket.accept", 0, THIS);
        rules.timedExact(nio, "read", "([BII)I", "java.net.Socket.read", 0, THIS);
        rules.timedExact(nio, "write", "([BII)V", "java.net.Socket.write", 0, THIS);
        rules.timed("sun/nio/ch/SocketChannelImpl", "java.nio.channels.SocketChannel", BLOCKING_CHANNEL, THIS,
                "read", "write", "connect", "finishConnect");
        rules.timedExact("sun/nio/ch/ServerSocketChannelImpl", "accept", "()Ljava/nio/channels/SocketChannel;",
                "java.nio.channels.ServerSocketChannel.accept", BLOCKING_CHANNEL, THIS);
        // connect too: a connect drains the packets already queued through the private receive, which would
        // otherwise be recorded as a DatagramChannel.receive of its own
        rules.timed("sun/nio/ch/DatagramChannelImpl", "java.nio.channels.DatagramChannel", BLOCKING_CHANNEL, THIS,
                "receive", "send", "read", "write", "connect");
        rules.timed("sun/nio/ch/DatagramSocketAdaptor", "java.net.DatagramSocket", 0, FIRST_ARG, "send");
        // the socket, not the packet: its peer when connected, else the address it is bound to (a packet that was
        // not received, on a timeout, says 0.0.0.0:0)
        rules.timed("sun/nio/ch/DatagramSocketAdaptor", "java.net.DatagramSocket", 0, THIS, "receive", "connect");
        rules.timed("sun/net/www/protocol/http/HttpURLConnection", "java.net.HttpURLConnection", 0, THIS,
                "connect", "getInputStream", "getOutputStream");
        rules.timed("java/net/HttpURLConnection", "java.net.HttpURLConnection", 0, THIS, "getResponseCode");
        rules.timed("jdk/internal/net/http/HttpClientImpl", "java.net.http.HttpClient", 0, FIRST_ARG, "send");
    }

    /**
     * {@code host:port} of the peer (or of the local end, for a server or an unconnected datagram socket or channel);
     * a URL.
     */
    @Override
    public String describe(Object context, SqlRegistry sql) throws Exception {
        if (context instanceof SocketAddress) {
            return address((SocketAddress) context);
        }
        if (context instanceof SocketChannel) {
            return address(((SocketChannel) context).getRemoteAddress());
        }
        if (context instanceof DatagramChannel) {
            SocketAddress remote = ((DatagramChannel) context).getRemoteAddress();
            return remote != null ? address(remote) : address(((DatagramChannel) context).getLocalAddress());
        }
        if (context instanceof NetworkChannel) {
            return address(((NetworkChannel) context).getLocalAddress());
        }
        if (context instanceof DatagramSocket) {
            DatagramSocket socket = (DatagramSocket) context;
            SocketAddress remote = socket.getRemoteSocketAddress();
            return address(remote != null ? remote : socket.getLocalSocketAddress());
        }
        if (context instanceof DatagramPacket) {
            return address(((DatagramPacket) context).getSocketAddress());
        }
        if (context instanceof SocketImpl) {
            return socketImpl(context.toString());
        }
        if (context instanceof URLConnection) {
            return ((URLConnection) context).getURL().toString();
        }
        if (context instanceof HttpRequest) {
            HttpRequest request = (HttpRequest) context;
            return request.method() + " " + request.uri();
        }
        return null;
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) address;
            String host = inet.getHostString();
            // an IPv6 literal in brackets ([::]:5353), so the port stays readable: 0:0:0:0:0:0:0:0:5353 does not
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return address == null ? null : address.toString();
    }

    /**
     * {@code SocketImpl.toString()} is {@code Socket[addr=host/1.2.3.4,port=5432,localport=40000]}; a listening
     * socket's is {@code Socket[addr=0.0.0.0/0.0.0.0,port=0,localport=8080]}, which becomes {@code 0.0.0.0:8080}.
     */
    static String socketImpl(String text) {
        int addr = text.indexOf("addr=");
        int port = text.indexOf(",port=");
        if (addr < 0 || port < 0) {
            return null;
        }
        String host = text.substring(addr + 5, port);
        int slash = host.indexOf('/');
        if (slash == 0) {
            host = host.substring(1);
        } else if (slash > 0) {
            host = host.substring(0, slash);
        }
        int portEnd = text.indexOf(',', port + 6);
        String remotePort = text.substring(port + 6, portEnd < 0 ? text.length() - 1 : portEnd);
        int local = text.indexOf("localport=");
        if (remotePort.equals("0") && local >= 0) {
            // A listening socket (ServerSocket.accept): no peer yet, so the port it is bound to, not "0.0.0.0:0".
            int localEnd = text.indexOf(']', local);
            return host + ":" + text.substring(local + 10, localEnd < 0 ? text.length() : localEnd);
        }
        return host + ":" + remotePort;
    }
}
