package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Stalls on a real Netty server (NioEventLoopGroup): {@code hog} makes one request hash a password with jBCrypt in the
 * handler, on the event loop, between fast echo requests; {@code fast} cold-starts the server and sends a few hundred
 * fast echo requests; {@code idle} starts it and leaves it idle. Same modes as {@link StallTarget}.
 */
public final class NettyStallTarget {
    /** Made off the loop, by main: the salt's {@code SecureRandom} reads {@code /dev/urandom}, a blocking file read. */
    private static final String SALT = StallTarget.SALT;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "idle" -> serve(0, false);
            case "fast" -> serve(300, false);
            case "hog" -> serve(20, true);
            default -> throw new IllegalArgumentException(args[0]);
        }
        TimedHash.print();
        fact("done", "true");
        System.exit(0);
    }

    private static void serve(int fastRequests, boolean hog) throws Exception {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HashHandler());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        Thread.sleep(fastRequests == 0 ? 1500 : 300); // idle loops
        RequestTimes times = new RequestTimes();
        Thread client = new Thread(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                for (int i = 0; i < fastRequests; i++) {
                    String message = "hello-" + i;
                    times.time(() -> NettyTarget.exchange(s, message));
                }
                if (hog) {
                    NettyTarget.exchange(s, "hash");
                    for (int i = 0; i < fastRequests; i++) {
                        NettyTarget.exchange(s, "hello-" + i);
                    }
                }
                times.print();
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
    }

    /** Echoes; "hash" is answered with as many bytes, after a password hash on the loop. */
    static final class HashHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            if (buf.toString(StandardCharsets.US_ASCII).startsWith("hash")) {
                int length = buf.readableBytes();
                buf.release();
                String hash = hashOnLoop();
                ctx.writeAndFlush(Unpooled.copiedBuffer(hash.substring(0, length), StandardCharsets.US_ASCII));
            } else {
                ctx.writeAndFlush(buf);
            }
        }
    }

    /** The handler's own frame, below the library's: the hash (timed by TimedHash). */
    static String hashOnLoop() {
        return TimedHash.hash("correct horse battery staple", SALT);
    }

    private NettyStallTarget() {
    }
}
