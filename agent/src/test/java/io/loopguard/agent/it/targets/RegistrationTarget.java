package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.TargetIO;

/**
 * Registration by thread-name globs (run with {@code threads=my-loop-*:solo-?}) and by the API. Facts report what
 * {@code LoopGuard.isRegistered}/{@code isActive} answered.
 */
public final class RegistrationTarget {

    public static void main(String[] args) throws Exception {
        fact("isActive", LoopGuard.isActive());
        for (String name : new String[] {"my-loop-1", "solo-a", "solo-ab", "other-loop-1"}) {
            boolean[] registered = new boolean[1];
            TargetIO.runOn(name, false, () -> {
                registered[0] = LoopGuard.isRegistered(Thread.currentThread());
                globbedSleep();
            });
            fact("isRegistered." + name, registered[0]);
        }

        boolean[] answers = new boolean[3];
        Throwable failure = TargetIO.runOn("api-thread", false, () -> {
            Thread me = Thread.currentThread();
            answers[0] = LoopGuard.isRegistered(me);
            LoopGuard.register(me);
            answers[1] = LoopGuard.isRegistered(me);
            registeredSleep();
            LoopGuard.unregister(me);
            answers[2] = LoopGuard.isRegistered(me);
            unregisteredSleep();
        });
        fact("api.before", answers[0]);
        fact("api.afterRegister", answers[1]);
        fact("api.afterUnregister", answers[2]);
        fact("api.failure", failure);
    }

    static void globbedSleep() throws InterruptedException {
        Thread.sleep(20);
    }

    static void registeredSleep() throws InterruptedException {
        Thread.sleep(20);
    }

    static void unregisteredSleep() throws InterruptedException {
        Thread.sleep(20);
    }

    private RegistrationTarget() {
    }
}
