package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A real Netty 4.2 HTTP server on {@code MultiThreadIoEventLoopGroup} + {@code NioIoHandler} (run on the Netty 4.2
 * jars of {@code target/netty42}, not on the test class path's Netty 4.1): idle, then 300 keep-alive HTTP requests
 * from an unregistered client thread, then one request whose handler calls {@link #plantedSleep()} on the event loop
 * (the positive control), then one whose handler blocks in a class initializer (a pin where the loop is a virtual
 * thread), idle again, graceful shutdown. Nothing but the planted sleep, and on a virtual-thread loop that pin, may
 * be recorded.
 *
 * <p>Argument {@code platform}: the loops run on Netty's own threads ({@code netty42-loop-*}). Argument
 * {@code virtual} (JDK 21+): the group is given {@code Thread.ofVirtual().factory()}, so each loop runs on a virtual
 * thread ({@code netty42-vloop-*}) and only the loop's own {@code run()} can tell that it is an event loop.
 * Argument {@code manual}: one {@code ManualIoEventLoop}, driven turn by turn by a thread the application owns
 * ({@code netty42-manual}, a virtual thread on JDK 21+), as a Loom scheduler would.
 *
 * <p>Compiled with the other targets against Netty 4.1 and the JDK 17 API: the two Netty 4.2 types
 * ({@code MultiThreadIoEventLoopGroup}, {@code NioIoHandler}) and {@code Thread.ofVirtual} are reached by reflection;
 * everything else is API that Netty 4.1 and 4.2 share.
 */
public final class Netty42Target {
    static final int REQUESTS = 300;

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "platform";
        EventLoopGroup group = mode.equals("manual") ? manualIoEventLoop()
                : ioEventLoopGroup(2, mode.equals("virtual") ? virtualThreadFactory() : new DefaultThreadFactory("netty42-loop"));
        fact("netty", Version.identify().get("netty-transport").artifactVersion());
        fact("loopClass", group.next().getClass().getName());
        fact("loopThread", group.next().submit(() -> Thread.currentThread().toString()).get(30, TimeUnit.SECONDS));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new HttpHandler());
                    }
                });
        Channel server = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        LoopGuard.recordedCallSites(); // the loops registered: wait until the JFR stream they started runs (pins)

        Thread.sleep(400); // idle loops
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    get(port, "/hello?i=" + i);
                }
                get(port, "/sleep");
                get(port, "/pin");
                fact("traffic", "ok");
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "client");
        client.start();
        client.join();
        Thread.sleep(300); // idle again
        server.close().sync();
        group.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).sync();
        fact("done", "true");
    }

    /** {@code new MultiThreadIoEventLoopGroup(threads, factory, NioIoHandler.newFactory())}, Netty 4.2 only. */
    static EventLoopGroup ioEventLoopGroup(int threads, ThreadFactory factory) throws ReflectiveOperationException {
        Class<?> handlerFactory = Class.forName("io.netty.channel.IoHandlerFactory");
        Object nio = Class.forName("io.netty.channel.nio.NioIoHandler").getMethod("newFactory").invoke(null);
        return (EventLoopGroup) Class.forName("io.netty.channel.MultiThreadIoEventLoopGroup")
                .getConstructor(int.class, ThreadFactory.class, handlerFactory)
                .newInstance(threads, factory, nio);
    }

    /**
     * {@code new ManualIoEventLoop(owner, NioIoHandler.newFactory())}, Netty 4.2 only, with an owning thread that
     * drives it ({@code run(waitNanos)} until it shuts down, then {@code runNow()} until it terminates).
     */
    static EventLoopGroup manualIoEventLoop() throws Exception {
        Class<?> handlerFactory = Class.forName("io.netty.channel.IoHandlerFactory");
        Object nio = Class.forName("io.netty.channel.nio.NioIoHandler").getMethod("newFactory").invoke(null);
        Class<?> manual = Class.forName("io.netty.channel.ManualIoEventLoop");
        java.lang.reflect.Method run = manual.getMethod("run", long.class);
        java.lang.reflect.Method runNow = manual.getMethod("runNow");
        EventLoopGroup[] loop = new EventLoopGroup[1];
        java.util.concurrent.CountDownLatch created = new java.util.concurrent.CountDownLatch(1);
        Runnable driver = () -> {
            try {
                created.await();
                EventLoopGroup self = loop[0];
                while (!self.isShuttingDown()) {
                    run.invoke(self, TimeUnit.MILLISECONDS.toNanos(50));
                }
                while (!self.isTerminated()) {
                    runNow.invoke(self);
                }
            } catch (Exception e) {
                fact("driver", e);
            }
        };
        Thread owner;
        try {
            owner = virtualThreadFactory("netty42-manual").newThread(driver);
        } catch (NoSuchMethodException jdk17) {
            owner = new Thread(driver, "netty42-manual");
        }
        loop[0] = (EventLoopGroup) manual.getConstructor(Thread.class, handlerFactory).newInstance(owner, nio);
        owner.start();
        created.countDown();
        return loop[0];
    }

    static ThreadFactory virtualThreadFactory() throws ReflectiveOperationException {
        return virtualThreadFactory("netty42-vloop-");
    }

    /** {@code Thread.ofVirtual().name("netty42-vloop-", 0).factory()}, JDK 21+. */
    static ThreadFactory virtualThreadFactory(String prefix) throws ReflectiveOperationException {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        builder = prefix.endsWith("-")
                ? Class.forName("java.lang.Thread$Builder$OfVirtual").getMethod("name", String.class, long.class)
                        .invoke(builder, prefix, 0L)
                : Class.forName("java.lang.Thread$Builder$OfVirtual").getMethod("name", String.class)
                        .invoke(builder, prefix);
        return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    }

    static void get(int port, String path) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(30_000);
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + connection.getResponseCode());
        }
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes(); // read to the end: the keep-alive connection is reused by the next request
        }
    }

    /** Answers {@code ok}; {@code /sleep} blocks the event loop first. */
    public static final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            if (request.uri().startsWith("/sleep")) {
                plantedSleep();
            } else if (request.uri().startsWith("/pin")) {
                PinsInInit.touch();
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            ctx.writeAndFlush(response);
        }
    }

    /**
     * Blocks 40 ms in its class initializer: allowed by default as a {@code sleep} (class initialisation runs once),
     * but a virtual thread that blocks there pins its carrier, also after JEP 491 ({@code pinning}, JDK 21+).
     */
    public static final class PinsInInit {
        static {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
            // initialises the class
        }
    }

    static void plantedSleep() throws InterruptedException {
        Thread.sleep(30);
    }

    private Netty42Target() {
    }
}
