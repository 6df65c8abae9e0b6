package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.Handoff.awaitBlocked;
import static io.loopguard.agent.it.support.Handoff.awaitInNativeIo;
import static io.loopguard.agent.it.support.TargetIO.fact;
import static io.loopguard.agent.it.support.TargetIO.pause;

import com.sun.net.httpserver.HttpServer;
import io.loopguard.agent.it.support.Expect;
import io.loopguard.agent.it.support.Scenario;
import io.loopguard.agent.it.support.ScenarioRunner;
import io.loopguard.agent.it.support.TargetIO;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One API per category (and the JDK 17 natives, NIO, nesting, exceptions, semantic categories), each scenario run on
 * a registered and on an unregistered thread. Expectations sit on the methods; CategoriesIT checks them.
 * Helper threads started inside a scenario are never registered, and whatever they release, they release only once
 * the scenario's thread is parked in the call ({@link io.loopguard.agent.it.support.Handoff}).
 */
public final class CategoriesTarget {
    static Path file;
    static String fileName;
    static FileChannel channel;
    static RandomAccessFile sizedFile;      // opened read-write outside the scenarios (the open is a call site too)
    static InetSocketAddress delayServer;   // reads 1 byte, waits until the client reads (+50 ms), answers 1 byte
    static volatile Reader delayReader;     // the client thread and the read call the delay server waits for
    static InetSocketAddress silentServer;  // accepts and never answers
    static URI httpUri;                     // answers "ok" after 30 ms
    static final List<Socket> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        prepare();
        ScenarioRunner.runAll(CategoriesTarget.class, args);
        System.exit(0); // server threads; the agent's exit hook still runs
    }

    // ---------------------------------------------------------------- sleep

    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.sleep", minMillis = 30)
    static void sleepDirect() throws Exception {
        Thread.sleep(30);
    }

    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.sleep", minMillis = 20)
    static void sleepWithNanos() throws Exception {
        Thread.sleep(20, 500_000);
    }

    @Scenario
    @Expect(category = "sleep", method = "java.util.concurrent.TimeUnit.sleep", minMillis = 20)
    static void timeUnitSleep() throws Exception {
        TimeUnit.MILLISECONDS.sleep(20);
    }

    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.yield")
    static void yieldDirect() {
        Thread.yield();
    }

    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.sleep", minMillis = 15)
    static void unqualifiedSleepInThreadSubclass() throws Exception {
        new Napper().nap();
    }

    /** {@code sleep(15)} here compiles to {@code invokestatic Napper.sleep(J)V}. */
    static final class Napper extends Thread {
        void nap() throws InterruptedException {
            sleep(15);
        }
    }

    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.sleep", minMillis = 20)
    static void sleepInLambda() throws Exception {
        Callable<Void> body = () -> {
            Thread.sleep(20);
            return null;
        };
        body.call();
    }

    // ---------------------------------------------------------------- wait

    @Scenario
    @Expect(category = "wait", method = "java.lang.Object.wait", minMillis = 30)
    static void objectWaitTimed() throws Exception {
        Object monitor = new Object();
        synchronized (monitor) {
            monitor.wait(30);
        }
    }

    @Scenario
    @Expect(category = "wait", method = "java.lang.Object.wait", minMillis = 20)
    static void objectWaitNotified() throws Exception {
        Object monitor = new Object();
        boolean[] done = {false};
        Thread waiter = Thread.currentThread();
        new Thread(() -> {
            awaitBlocked(waiter, "java.lang.Object", "wait");
            synchronized (monitor) {
                done[0] = true;
                monitor.notifyAll();
            }
        }).start();
        synchronized (monitor) {
            while (!done[0]) {
                monitor.wait();
            }
        }
    }

    @Scenario
    @Expect(category = "wait", method = "java.lang.Thread.join", minMillis = 20)
    static void threadJoin() throws Exception {
        Thread joiner = Thread.currentThread();
        Thread helper = new Thread(() -> awaitBlocked(joiner, "java.lang.Thread", "join"));
        helper.start();
        helper.join();
    }

    // ---------------------------------------------------------------- lock

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.locks.ReentrantLock.lock", minMillis = 40)
    static void contendedLock() {
        ReentrantLock lock = new ReentrantLock();
        Thread locker = Thread.currentThread();
        holdUntil(lock, () -> awaitBlocked(locker, "java.util.concurrent.locks.ReentrantLock", "lock"));
        lock.lock();
        lock.unlock();
    }

    @Scenario
    static void uncontendedLock() {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        lock.unlock();
    }

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.locks.ReentrantLock.tryLock", minMillis = 40)
    static void tryLockTimesOut() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch timedOut = new CountDownLatch(1);
        holdUntil(lock, timedOut::await); // held until the tryLock below has returned, however long that takes
        try {
            if (lock.tryLock(40, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("tryLock should have timed out");
            }
        } finally {
            timedOut.countDown();
        }
    }

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.locks.Condition.await", minMillis = 30)
    static void conditionAwaitTimesOut() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition condition = lock.newCondition();
        lock.lock();
        try {
            condition.await(30, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.Semaphore.acquire", minMillis = 20)
    static void semaphoreAcquire() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        Thread acquirer = Thread.currentThread();
        new Thread(() -> {
            awaitBlocked(acquirer, "java.util.concurrent.Semaphore", "acquire");
            semaphore.release();
        }).start();
        semaphore.acquire();
    }

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.CountDownLatch.await", minMillis = 20)
    static void latchAwait() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        Thread awaiter = Thread.currentThread();
        new Thread(() -> {
            awaitBlocked(awaiter, "java.util.concurrent.CountDownLatch", "await");
            latch.countDown();
        }).start();
        latch.await();
    }

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.CyclicBarrier.await", minMillis = 20)
    static void barrierAwait() throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread first = Thread.currentThread();
        new Thread(() -> {
            awaitBlocked(first, "java.util.concurrent.CyclicBarrier", "await");
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).start();
        barrier.await();
    }

    @Scenario
    @Expect(category = "lock", method = "java.util.concurrent.LinkedBlockingQueue.take", minMillis = 20)
    static void queueTakeWaits() throws Exception {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        Thread taker = Thread.currentThread();
        new Thread(() -> {
            awaitBlocked(taker, "java.util.concurrent.LinkedBlockingQueue", "take");
            queue.offer(1);
        }).start();
        queue.take();
    }

    @Scenario
    static void queueTakeAvailable() throws Exception {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        queue.offer(1);
        queue.take();
    }

    // ---------------------------------------------------------------- future

    @Scenario
    @Expect(category = "future", method = "java.util.concurrent.FutureTask.get", minMillis = 20)
    static void futureGetUnfinished() throws Exception {
        Thread getter = Thread.currentThread();
        FutureTask<Integer> task = new FutureTask<>(() -> {
            awaitBlocked(getter, "java.util.concurrent.FutureTask", "get");
            return 1;
        });
        new Thread(task).start();
        task.get();
    }

    @Scenario
    static void futureGetDone() throws Exception {
        FutureTask<Integer> task = new FutureTask<>(() -> 1);
        task.run();
        task.get();
    }

    @Scenario
    @Expect(category = "future", method = "java.util.concurrent.CompletableFuture.join", minMillis = 20)
    static void completableJoinWaits() {
        Thread joiner = Thread.currentThread();
        CompletableFuture.supplyAsync(() -> {
            awaitBlocked(joiner, "java.util.concurrent.CompletableFuture", "join");
            return 1;
        }, r -> new Thread(r).start()).join();
    }

    @Scenario
    static void completableGetDone() throws Exception {
        CompletableFuture.completedFuture(1).get();
        CompletableFuture.completedFuture(2).join();
    }

    @Scenario
    @Expect(category = "future", method = "java.util.concurrent.CompletableFuture.get", minMillis = 40)
    static void completableGetTimesOut() throws Exception {
        try {
            new CompletableFuture<Integer>().get(40, TimeUnit.MILLISECONDS);
            throw new AssertionError("get(timeout) should have timed out");
        } catch (TimeoutException expected) {
            // counts, with its full duration
        }
    }

    // ---------------------------------------------------------------- park

    @Scenario
    @Expect(category = "park", method = "java.util.concurrent.locks.LockSupport.parkNanos", minMillis = 20)
    static void parkNanos() {
        LockSupport.parkNanos(30_000_000L);
    }

    // ---------------------------------------------------------------- file

    @Scenario
    @Expect(category = "file", method = "java.io.FileInputStream.<init>", detail = "${file}")
    @Expect(category = "file", method = "java.io.FileInputStream.read")
    static void fileInputStreamOpenAndRead() throws Exception {
        try (FileInputStream in = new FileInputStream(fileName)) {
            in.read(new byte[8192]);
        }
    }

    @Scenario(exclusive = false)
    @Expect(category = "file", method = "java.io.FileOutputStream.write")
    static void fileOutputStreamWrite() throws Exception {
        try (OutputStream out = new FileOutputStream(fileName + ".out")) {
            out.write(new byte[4096]);
        }
    }

    @Scenario(exclusive = false)
    @Expect(category = "file", method = "java.io.RandomAccessFile.read")
    static void randomAccessFileRead() throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(fileName, "r")) {
            raf.read(new byte[4096]);
        }
    }

    /**
     * Native on JDK 17 to 21, so caught at these call sites there (with the path read by the runtime); Java from 22,
     * woven there: the same sites either way.
     */
    @Scenario
    @Expect(category = "file", method = "java.io.RandomAccessFile.length", detail = "${sizedFile}")
    @Expect(category = "file", method = "java.io.RandomAccessFile.setLength", detail = "${sizedFile}")
    @Expect(category = "file", method = "java.io.FileDescriptor.sync")
    static void randomAccessFileLengthSetLengthAndSync() throws Exception {
        sizedFile.setLength(sizedFile.length() + 4096);
        sizedFile.getFD().sync();
    }

    /** Nesting: one {@code file} site, not also the {@code FileChannel.read} it does inside. */
    @Scenario
    @Expect(category = "file", method = "java.nio.file.Files.readAllBytes", detail = "${file}")
    static void filesReadAllBytes() throws Exception {
        Files.readAllBytes(file);
    }

    @Scenario
    @Expect(category = "file", method = "java.nio.file.Files.exists", detail = "${file}")
    static void filesExists() {
        Files.exists(file);
    }

    @Scenario
    @Expect(category = "file", method = "java.nio.file.Files.size", detail = "${file}")
    static void filesSize() throws Exception {
        Files.size(file);
    }

    @Scenario
    @Expect(category = "file", method = "java.nio.channels.FileChannel.read")
    static void fileChannelRead() throws Exception {
        channel.read(ByteBuffer.allocate(4096), 0);
    }

    // ---------------------------------------------------------------- socket

    @Scenario
    @Expect(category = "socket", method = "java.net.Socket.connect", detail = "127.0.0.1:${port}")
    @Expect(category = "socket", method = "java.net.Socket.write")
    @Expect(category = "socket", method = "java.net.Socket.read", minMillis = 45)
    static void socketConnectWriteRead() throws Exception {
        delayReader = new Reader(Thread.currentThread(), "java.net.Socket$SocketInputStream", "read");
        try (Socket socket = new Socket()) {
            socket.connect(delayServer, 5000);
            socket.getOutputStream().write(1);
            socket.getInputStream().read();
        }
    }

    /** A read that ends in {@code SocketTimeoutException} counts with its full duration. */
    @Scenario
    @Expect(category = "socket", method = "java.net.Socket.connect")
    @Expect(category = "socket", method = "java.net.Socket.read", minMillis = 40)
    static void socketReadTimesOut() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(silentServer, 5000);
            socket.setSoTimeout(40);
            try {
                socket.getInputStream().read();
                throw new AssertionError("read should have timed out");
            } catch (SocketTimeoutException expected) {
                // counts
            }
        }
    }

    @Scenario
    @Expect(category = "socket", method = "java.nio.channels.SocketChannel.connect", detail = "127.0.0.1:${port}")
    @Expect(category = "socket", method = "java.nio.channels.SocketChannel.write")
    @Expect(category = "socket", method = "java.nio.channels.SocketChannel.read", minMillis = 45)
    static void blockingSocketChannel() throws Exception {
        delayReader = new Reader(Thread.currentThread(), "sun.nio.ch.SocketChannelImpl", "read");
        try (SocketChannel ch = SocketChannel.open()) {
            ch.connect(delayServer);
            ch.write(ByteBuffer.wrap(new byte[] {1}));
            ch.read(ByteBuffer.allocate(1));
        }
    }

    /** A non-blocking channel never blocks: nothing, even on a registered thread. */
    @Scenario
    static void nonBlockingSocketChannel() throws Exception {
        try (SocketChannel ch = SocketChannel.open()) {
            ch.configureBlocking(false);
            ch.connect(delayServer);
            while (!ch.finishConnect()) {
                Thread.onSpinWait();
            }
            if (ch.read(ByteBuffer.allocate(1)) != 0) {
                throw new AssertionError("nothing was sent yet");
            }
        }
    }

    @Scenario(exclusive = false)
    @Expect(category = "socket", method = "java.net.ServerSocket.accept", minMillis = 20,
            detailContains = ":", detailExcludes = "0.0.0.0:0")
    static void serverSocketAccept() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            Thread acceptor = Thread.currentThread();
            new Thread(() -> {
                awaitInNativeIo(acceptor, "java.net.ServerSocket", "accept");
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.getOutputStream().write(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            try (Socket accepted = server.accept()) {
                accepted.getLocalPort();
            }
        }
    }

    @Scenario(exclusive = false)
    @Expect(category = "socket", method = "java.net.HttpURLConnection.getInputStream", minMillis = 25)
    static void httpUrlConnection() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) httpUri.toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
    }

    @Scenario(exclusive = false)
    @Expect(category = "socket", method = "java.net.http.HttpClient.send", minMillis = 25)
    static void httpClientSend() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        client.send(HttpRequest.newBuilder(httpUri).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- dns

    @Scenario
    @Expect(category = "dns", method = "java.net.InetAddress.getByName", detail = "localhost")
    static void dnsByName() throws Exception {
        InetAddress.getByName("localhost");
    }

    /** An IP literal is not a lookup. */
    @Scenario
    static void dnsIpLiteral() throws Exception {
        InetAddress.getByName("127.0.0.1");
    }

    // ---------------------------------------------------------------- process

    @Scenario
    @Expect(category = "process", method = "java.lang.ProcessBuilder.start", detailContains = "sleep")
    @Expect(category = "process", method = "java.lang.Process.waitFor", minMillis = 100)
    static void processStartAndWait() throws Exception {
        Process p = new ProcessBuilder("sleep", "600").start();
        Thread waiter = Thread.currentThread();
        new Thread(() -> {
            awaitBlocked(waiter, "java.lang.ProcessImpl", "waitFor", 120);
            p.destroy(); // only once waitFor has really waited 120 ms
        }).start();
        p.waitFor();
    }

    // ---------------------------------------------------------------- helpers (never on a registered thread)

    /**
     * Starts a thread that holds {@code lock} until {@code release} returns (e.g. until the scenario's thread is
     * parked on the lock); returns once it holds it (spinning, not blocking).
     */
    static void holdUntil(ReentrantLock lock, TargetIO.ThrowingRunnable release) {
        new Thread(() -> {
            lock.lock();
            try {
                release.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                lock.unlock();
            }
        }).start();
        while (!lock.isLocked()) {
            Thread.onSpinWait();
        }
    }

    static void prepare() throws Exception {
        Path dir = Paths.get("data").toAbsolutePath();
        Files.createDirectories(dir);
        file = dir.resolve("sample.bin");
        Files.write(file, new byte[64 * 1024]);
        fileName = file.toString();
        channel = FileChannel.open(file, StandardOpenOption.READ);
        sizedFile = new RandomAccessFile(fileName + ".sized", "rw");
        fact("sizedFile", fileName + ".sized");
        fact("file", fileName);

        ServerSocket delay = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        delayServer = new InetSocketAddress("127.0.0.1", delay.getLocalPort());
        daemon("delay-server", () -> {
            while (true) {
                Socket s = delay.accept();
                daemon("delay-conn", () -> {
                    try (Socket c = s) {
                        InputStream in = c.getInputStream();
                        if (in.read() < 0) {
                            return;
                        }
                        Reader reader = delayReader;
                        awaitInNativeIo(reader.thread, reader.className, reader.methodName); // then 50 ms more
                        c.getOutputStream().write(2);
                        while (in.read() >= 0) {
                            // until the client closes
                        }
                    }
                });
            }
        });
        fact("port", delay.getLocalPort());

        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        silentServer = new InetSocketAddress("127.0.0.1", silent.getLocalPort());
        daemon("silent-server", () -> {
            while (true) {
                Socket s = silent.accept();
                synchronized (KEEP) {
                    KEEP.add(s);
                }
            }
        });

        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        http.createContext("/", exchange -> {
            pause(30);
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        httpUri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    /** Where the delay server's client will block reading its answer. */
    static final class Reader {
        final Thread thread;
        final String className;
        final String methodName;

        Reader(Thread thread, String className, String methodName) {
            this.thread = thread;
            this.className = className;
            this.methodName = methodName;
        }
    }

    interface Body {
        void run() throws Exception;
    }

    static void daemon(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (IllegalStateException e) {
                e.printStackTrace(); // a Handoff that timed out: say so
            } catch (Exception e) {
                // server gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private CategoriesTarget() {
    }
}
