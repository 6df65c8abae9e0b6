package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A real Netty echo server (NioEventLoopGroup): idle, then echo traffic from an unregistered client thread, then one
 * message that makes the handler call {@link #plantedSleep()} on the event loop (the positive control), then a
 * graceful shutdown. Nothing but the planted sleep may be recorded (with {@code autodetect=false}: nothing at all).
 */
public final class NettyTarget {

    public static void main(String[] args) throws Exception {
        fact("netty", io.netty.util.Version.identify().get("netty-common").artifactVersion());
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new EchoHandler());
                    }
                });
        Channel server = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();

        Thread.sleep(400); // idle loops
        Thread client = new Thread(() -> {
            try {
                for (int c = 0; c < 10; c++) {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        for (int i = 0; i < 20; i++) {
                            exchange(s, "hello-" + c + "-" + i);
                        }
                        if (c == 9) {
                            exchange(s, "sleep");
                        }
                    }
                }
                fact("traffic", "ok");
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "client");
        client.start();
        client.join();
        Thread.sleep(300); // idle again
        server.close().sync();
        workers.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).sync();
        boss.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).sync();
        fact("done", "true");
    }

    static void exchange(Socket s, String message) throws Exception {
        byte[] out = (message + "\n").getBytes(StandardCharsets.US_ASCII);
        OutputStream os = s.getOutputStream();
        os.write(out);
        os.flush();
        InputStream in = s.getInputStream();
        int got = 0;
        while (got < out.length) {
            int n = in.read(new byte[out.length - got]);
            if (n < 0) {
                throw new IllegalStateException("server closed");
            }
            got += n;
        }
    }

    /** Echoes; a message containing "sleep" blocks the event loop first. */
    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            ByteBuf buf = (ByteBuf) msg;
            if (buf.toString(StandardCharsets.US_ASCII).contains("sleep")) {
                plantedSleep();
            }
            ctx.writeAndFlush(buf);
        }
    }

    static void plantedSleep() throws InterruptedException {
        Thread.sleep(30);
    }

    private NettyTarget() {
    }
}
