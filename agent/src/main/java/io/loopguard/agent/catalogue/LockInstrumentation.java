package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.CONDITIONAL;

import io.loopguard.format.Category;

/**
 * {@code lock}: the blocking {@code java.util.concurrent} synchronizers, each counted only when the thread really
 * parked inside (an uncontended {@code lock()} is not a blocking call). Non-blocking and untimed {@code offer}/
 * {@code poll}/{@code tryLock} variants are left alone: only the timed descriptors are woven.
 */
final class LockInstrumentation {
    static final String TIMED_TRY = "(JLjava/util/concurrent/TimeUnit;)Z";
    static final String TIMED_OFFER = "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z";
    static final String TIMED_POLL = "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;";
    private static final String CONCURRENT = "java/util/concurrent/";
    private static final String LOCKS = CONCURRENT + "locks/";

    private LockInstrumentation() {
    }

    static void declare(Catalogue c) {
        lock(c, LOCKS + "ReentrantLock", "java.util.concurrent.locks.ReentrantLock");
        lock(c, LOCKS + "ReentrantReadWriteLock$ReadLock", "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock");
        lock(c, LOCKS + "ReentrantReadWriteLock$WriteLock", "java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock");
        for (String condition : new String[] {"AbstractQueuedSynchronizer$ConditionObject", "AbstractQueuedLongSynchronizer$ConditionObject"}) {
            c.timed(LOCKS + condition, Category.LOCK, "java.util.concurrent.locks.Condition", CONDITIONAL, THIS,
                    "await", "awaitNanos", "awaitUninterruptibly", "awaitUntil");
        }
        String semaphore = CONCURRENT + "Semaphore";
        c.timed(semaphore, Category.LOCK, "java.util.concurrent.Semaphore", CONDITIONAL, THIS, "acquire", "acquireUninterruptibly");
        c.timedExact(semaphore, "tryAcquire", TIMED_TRY, Category.LOCK, "java.util.concurrent.Semaphore.tryAcquire", CONDITIONAL, THIS);
        c.timedExact(semaphore, "tryAcquire", "(IJLjava/util/concurrent/TimeUnit;)Z", Category.LOCK,
                "java.util.concurrent.Semaphore.tryAcquire", CONDITIONAL, THIS);
        c.timed(CONCURRENT + "CountDownLatch", Category.LOCK, "java.util.concurrent.CountDownLatch", CONDITIONAL, THIS, "await");
        c.timed(CONCURRENT + "CyclicBarrier", Category.LOCK, "java.util.concurrent.CyclicBarrier", CONDITIONAL, THIS, "await");
        c.timed(CONCURRENT + "Exchanger", Category.LOCK, "java.util.concurrent.Exchanger", CONDITIONAL, THIS, "exchange");
        queue(c, "LinkedBlockingQueue", "put", "take");
        queue(c, "ArrayBlockingQueue", "put", "take");
        queue(c, "LinkedBlockingDeque", "put", "take", "putFirst", "putLast", "takeFirst", "takeLast");
        queue(c, "PriorityBlockingQueue", "take");
        queue(c, "DelayQueue", "take");
        queue(c, "SynchronousQueue", "put", "take");
        queue(c, "LinkedTransferQueue", "take", "transfer");
        queue(c, "ScheduledThreadPoolExecutor$DelayedWorkQueue", "take");
    }

    private static void lock(Catalogue c, String owner, String api) {
        c.timed(owner, Category.LOCK, api, CONDITIONAL, THIS, "lock", "lockInterruptibly");
        c.timedExact(owner, "tryLock", TIMED_TRY, Category.LOCK, api + ".tryLock", CONDITIONAL, THIS);
    }

    /** A blocking queue: the listed methods in every overload, plus the timed offer/poll family. */
    private static void queue(Catalogue c, String simpleName, String... blocking) {
        String owner = CONCURRENT + simpleName;
        String api = "java.util.concurrent." + simpleName.replace('$', '.');
        c.timed(owner, Category.LOCK, api, CONDITIONAL, THIS, blocking);
        for (String offer : new String[] {"offer", "offerFirst", "offerLast", "tryTransfer"}) {
            c.timedExact(owner, offer, TIMED_OFFER, Category.LOCK, api + "." + offer, CONDITIONAL, THIS);
        }
        for (String poll : new String[] {"poll", "pollFirst", "pollLast"}) {
            c.timedExact(owner, poll, TIMED_POLL, Category.LOCK, api + "." + poll, CONDITIONAL, THIS);
        }
    }
}
