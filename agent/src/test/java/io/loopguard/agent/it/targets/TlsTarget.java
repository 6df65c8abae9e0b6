package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A real Netty TLS echo server (JDK provider, the self-signed certificate the IT generated with {@code keytool},
 * {@code args[0]}, password {@code changeit}) and a JDK {@code SSLSocket} client on an unregistered thread: each
 * connection is a full handshake on the server's event loop. A message {@code sleep} makes the handler block (the
 * positive control); {@code allowed} makes it block in a method the run's {@code allow} option names (dropped).
 */
public final class TlsTarget {

    public static void main(String[] args) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SslContext ssl = SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK).build();
        NioEventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("tls-boss"));
        NioEventLoopGroup workers = new NioEventLoopGroup(1, new DefaultThreadFactory("tls-loop"));
        Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new EchoHandler());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();

        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, new TrustManager[] {new TrustAll()}, null);
        Thread clients = new Thread(() -> {
            try {
                String protocols = "";
                for (int c = 0; c < 6; c++) {
                    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
                        socket.startHandshake();
                        protocols = socket.getSession().getProtocol();
                        exchange(socket, "hello-" + c);
                        if (c == 4) {
                            exchange(socket, "allowed");
                        }
                        if (c == 5) {
                            exchange(socket, "sleep");
                        }
                    }
                    Thread.sleep(150); // the JDK's random-number buffer expires: the next handshake reads again
                }
                fact("protocol", protocols);
                fact("traffic", "ok");
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "client");
        clients.start();
        clients.join();
        server.close().sync();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        fact("done", "true");
    }

    static void exchange(SSLSocket s, String message) throws Exception {
        byte[] out = (message + "\n").getBytes(StandardCharsets.US_ASCII);
        OutputStream os = s.getOutputStream();
        os.write(out);
        os.flush();
        InputStream in = s.getInputStream();
        int got = 0;
        byte[] buf = new byte[out.length];
        while (got < out.length) {
            int n = in.read(buf, 0, out.length - got);
            if (n < 0) {
                throw new IllegalStateException("server closed");
            }
            got += n;
        }
    }

    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            ByteBuf buf = (ByteBuf) msg;
            String text = buf.toString(StandardCharsets.US_ASCII);
            if (text.contains("sleep")) {
                plantedSleep();
            }
            if (text.contains("allowed")) {
                userAllowedSleep();
            }
            ctx.writeAndFlush(buf);
        }
    }

    static void plantedSleep() throws InterruptedException {
        Thread.sleep(30);
    }

    static void userAllowedSleep() throws InterruptedException {
        Thread.sleep(30);
    }

    /** The test's own self-signed certificate: trusted without a check. */
    static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private TlsTarget() {
    }
}
