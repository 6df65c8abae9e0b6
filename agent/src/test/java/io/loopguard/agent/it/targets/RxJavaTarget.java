package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;

/**
 * RxJava 3: {@code computation()} and {@code single()} threads are marked non-blocking by RxJava itself
 * ({@code NonBlockingThread}); {@code io()} threads are where blocking work belongs. Idle, then traffic, then one planted
 * sleep on each kind of scheduler: only the computation and single ones are event-loop blocks.
 */
public final class RxJavaTarget {

    public static void main(String[] args) throws Exception {
        Flowable.range(1, 4).observeOn(Schedulers.computation()).subscribeOn(Schedulers.single()).blockingLast();
        Thread.sleep(300); // idle schedulers
        long sum = 0;
        for (int round = 0; round < 50; round++) {
            sum += Flowable.range(1, 200).observeOn(Schedulers.computation()).map(i -> i * 2)
                    .reduce(0, Integer::sum).blockingGet();
            sum += Single.just(round).observeOn(Schedulers.single()).map(i -> i + 1).blockingGet();
        }
        fact("traffic", sum);
        fact("computation", Single.just(1).observeOn(Schedulers.computation()).map(RxJavaTarget::plantedSleep)
                .blockingGet());
        fact("single", Single.just(2).observeOn(Schedulers.single()).map(RxJavaTarget::plantedSleep).blockingGet());
        fact("io", Single.just(3).observeOn(Schedulers.io()).map(RxJavaTarget::ioSleep).blockingGet());
        Thread.sleep(200);
        fact("done", "true");
    }

    static int plantedSleep(int i) throws InterruptedException {
        Thread.sleep(30);
        return i;
    }

    static int ioSleep(int i) throws InterruptedException {
        Thread.sleep(30);
        return i;
    }

    private RxJavaTarget() {
    }
}
