package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stalls on Reactor's non-blocking schedulers: {@code hog} runs a password hash (jBCrypt) in a {@code map} on
 * {@code Schedulers.parallel()} between fast pipelines; {@code fast} cold-starts the schedulers with a few hundred fast
 * pipelines; {@code idle} starts them and leaves them idle. Same modes as {@link StallTarget}.
 */
public final class ReactorStallTarget {
    /** Made off the loop, by main: the salt's {@code SecureRandom} reads {@code /dev/urandom}, a blocking file read. */
    private static final String SALT = StallTarget.SALT;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "idle" -> run(0, false);
            case "fast" -> run(300, false);
            case "hog" -> run(20, true);
            default -> throw new IllegalArgumentException(args[0]);
        }
        TimedHash.print();
        fact("done", "true");
        System.exit(0);
    }

    private static void run(int fastPipelines, boolean hog) throws Exception {
        // start the schedulers' workers (cold), then let them idle
        Flux.range(1, 4).publishOn(Schedulers.parallel()).subscribeOn(Schedulers.single()).blockLast();
        Thread.sleep(fastPipelines == 0 ? 1500 : 300);
        Thread traffic = new Thread(() -> {
            try {
                RequestTimes times = new RequestTimes();
                long sum = fast(fastPipelines, times);
                if (hog) {
                    String hash = Mono.just("correct horse battery staple").publishOn(Schedulers.parallel())
                            .map(ReactorStallTarget::hashOnLoop).block();
                    sum += hash.length() + fast(fastPipelines, new RequestTimes());
                }
                times.print();
                fact("traffic", "ok " + sum);
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "traffic");
        traffic.start();
        traffic.join();
        Thread.sleep(300); // idle again
    }

    private static long fast(int pipelines, RequestTimes times) throws Exception {
        long[] sum = new long[1];
        for (int round = 0; round < pipelines; round++) {
            int r = round;
            times.time(() -> sum[0] += pipeline(r));
        }
        return sum[0];
    }

    private static long pipeline(int round) {
        Integer s = Flux.range(1, 50).publishOn(Schedulers.parallel()).map(i -> i * 2)
                .subscribeOn(Schedulers.parallel()).reduce(0, Integer::sum).block();
        Integer t = Mono.just(round).publishOn(Schedulers.single()).map(i -> i + 1).block();
        return s + t;
    }

    /** The handler's own frame, below the library's: the hash (timed by TimedHash). */
    static String hashOnLoop(String password) {
        return TimedHash.hash(password, SALT);
    }

    private ReactorStallTarget() {
    }
}
