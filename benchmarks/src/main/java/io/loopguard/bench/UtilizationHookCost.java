package io.loopguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.loopguard.LoopGuard;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the periodic {@code io.loopguard.LoopUtilization} event costs: {@code LOOPS} registered threads (each inside one
 * long sleep), a recording with the event at a 10 ms period for {@code SECONDS}, then the same with the event
 * disabled; the CPU time of JFR's periodic thread in each, and the events written. Run with the agent:
 * {@code java -javaagent:loopguard-agent.jar=output=DIR -cp benchmarks.jar io.loopguard.bench.UtilizationHookCost 16 5}.
 */
public final class UtilizationHookCost {
    public static void main(String[] args) throws Exception {
        int loops = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        CountDownLatch registered = new CountDownLatch(loops);
        for (int i = 0; i < loops; i++) {
            Thread t = new Thread(() -> {
                LoopGuard.register(Thread.currentThread());
                registered.countDown();
                try {
                    Thread.sleep(3_600_000L);
                } catch (InterruptedException e) {
                    // end
                }
            }, "bench-loop-" + i);
            t.setDaemon(true);
            t.start();
        }
        registered.await();
        Thread.sleep(2000); // the agent's JFR stream starts, the watchdog registers the periodic event
        for (int round = 0; round < 3; round++) {
            for (boolean on : new boolean[] {false, true}) {
                measure(on, seconds);
            }
        }
    }

    private static void measure(boolean on, int seconds) throws Exception {
        try (Recording recording = new Recording()) {
            if (on) {
                recording.enable("io.loopguard.LoopUtilization").withPeriod(Duration.ofMillis(10));
            } else {
                recording.disable("io.loopguard.LoopUtilization");
            }
            recording.start();
            Thread.sleep(200);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long id = periodicThreadId();
            long cpu0 = threads.getThreadCpuTime(id);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu = threads.getThreadCpuTime(id) - cpu0;
            long wall = System.nanoTime() - t0;
            recording.stop();
            Path file = Files.createTempFile("utilization", ".jfr");
            recording.dump(file);
            long events = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("io.loopguard.LoopUtilization")).count();
            Files.delete(file);
            System.out.printf("event %s: JFR periodic thread CPU %.2f ms in %.1f s, %d events (%.0f per s), %s%n",
                    on ? "on, 10 ms" : "off", cpu / 1e6, wall / 1e9, events, events / (wall / 1e9),
                    events == 0 ? "" : String.format("%.2f µs CPU per event", cpu / 1e3 / events));
        }
    }

    private static long periodicThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("JFR Periodic Tasks")) {
                return t.getId();
            }
        }
        throw new IllegalStateException("no JFR Periodic Tasks thread");
    }

    private UtilizationHookCost() {
    }
}
