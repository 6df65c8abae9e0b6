package io.loopguard.demo;

import io.loopguard.demo.drive.DriveResult;
import io.loopguard.demo.drive.DriveTable;
import io.loopguard.demo.drive.Driver;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point: {@code java -jar loopguard-demo-app.jar [--drive] [options]}.
 *
 * <p>With {@code --drive} the process ends through {@link System#exit}, after Vert.x and PostgreSQL are closed, so an
 * attached agent writes its report from its shutdown hook. Stdout carries only the table; logs go to stderr.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loopguard demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        if (options.drive()) {
            drive(options, System.out);
            System.exit(0);
        } else {
            serve(options);
        }
    }

    /** Starts the service, drives it, prints the table on {@code out}, stops the service. */
    public static DriveResult drive(DemoOptions options, PrintStream out) throws Exception {
        DriveResult result;
        String setup;
        try (DemoService service = DemoService.start(options);
             Driver driver = new Driver(service.baseUri(), options.concurrency(), options.phase())) {
            result = driver.run();
            setup = service.eventLoops() + " event loop(s), " + service.databaseDescription();
        }
        out.print(DriveTable.render(result, setup));
        out.flush();
        return result;
    }

    /** Serves until the JVM is asked to stop (Ctrl-C), then closes everything from the shutdown hook. */
    private static void serve(DemoOptions options) throws Exception {
        DemoService service = DemoService.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.println("loopguard demo on " + service.baseUri() + "/ (Ctrl-C stops it)");
        stopped.await();
    }
}
