package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reactor pipelines on {@code Schedulers.parallel()} and {@code single()}: idle, then traffic from another
 * (unregistered) thread, then one {@code map} that calls {@link #plantedSleep(int)} on a parallel worker (positive
 * control). The schedulers' own idle waits must never be recorded.
 */
public final class ReactorTarget {

    public static void main(String[] args) throws Exception {
        // start the schedulers' workers, then let them idle
        Flux.range(1, 4).publishOn(Schedulers.parallel()).subscribeOn(Schedulers.single()).blockLast();
        Thread.sleep(400);

        Thread traffic = new Thread(() -> {
            long sum = 0;
            for (int round = 0; round < 50; round++) {
                Integer s = Flux.range(1, 200)
                        .publishOn(Schedulers.parallel())
                        .map(i -> i * 2)
                        .subscribeOn(Schedulers.parallel())
                        .reduce(0, Integer::sum)
                        .block();
                sum += s;
                Integer t = Mono.just(round).publishOn(Schedulers.single()).map(i -> i + 1).block();
                sum += t;
            }
            fact("traffic", sum);
        }, "traffic");
        traffic.start();
        traffic.join();
        Thread.sleep(300); // idle again

        Integer planted = Flux.just(1).publishOn(Schedulers.parallel()).map(ReactorTarget::plantedSleep).blockLast();
        fact("planted", planted);
        Thread.sleep(200);
        fact("done", "true");
    }

    static int plantedSleep(int i) {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return i;
    }

    private ReactorTarget() {
    }
}
