package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.CONDITIONAL;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.runtime.SiteFlags;

/**
 * {@code lock}: the blocking {@code java.util.concurrent} synchronizers, each counted only when the thread really
 * parked inside (an uncontended {@code lock()} is not a blocking call). Non-blocking and untimed {@code offer}/
 * {@code poll}/{@code tryLock} variants are left alone: only the timed descriptors are woven.
 */
final class LockFamily implements BlockingFamily {
    static final String TIMED_TRY = "(JLjava/util/concurrent/TimeUnit;)Z";
    static final String TIMED_OFFER = "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z";
    static final String TIMED_POLL = "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;";
    private static final String CONCURRENT = "java/util/concurrent/";
    private static final String LOCKS = CONCURRENT + "locks/";

    @Override
    public Category category() {
        return Category.LOCK;
    }

    @Override
    public void declare(Rules rules) {
        lock(rules, LOCKS + "ReentrantLock", "java.util.concurrent.locks.ReentrantLock");
        lock(rules, LOCKS + "ReentrantReadWriteLock$ReadLock", "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock");
        lock(rules, LOCKS + "ReentrantReadWriteLock$WriteLock", "java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock");
        for (String condition : new String[] {"AbstractQueuedSynchronizer$ConditionObject", "AbstractQueuedLongSynchronizer$ConditionObject"}) {
            rules.timed(LOCKS + condition, "java.util.concurrent.locks.Condition", CONDITIONAL, THIS,
                    "await", "awaitNanos", "awaitUninterruptibly", "awaitUntil");
        }
        String semaphore = CONCURRENT + "Semaphore";
        rules.timed(semaphore, "java.util.concurrent.Semaphore", CONDITIONAL, THIS, "acquire", "acquireUninterruptibly");
        rules.timedExact(semaphore, "tryAcquire", TIMED_TRY, "java.util.concurrent.Semaphore.tryAcquire", CONDITIONAL, THIS);
        rules.timedExact(semaphore, "tryAcquire", "(IJLjava/util/concurrent/TimeUnit;)Z",
                "java.util.concurrent.Semaphore.tryAcquire", CONDITIONAL, THIS);
        rules.timed(CONCURRENT + "CountDownLatch", "java.util.concurrent.CountDownLatch", CONDITIONAL, THIS, "await");
        rules.timed(CONCURRENT + "CyclicBarrier", "java.util.concurrent.CyclicBarrier", CONDITIONAL, THIS, "await");
        rules.timed(CONCURRENT + "Exchanger", "java.util.concurrent.Exchanger", CONDITIONAL, THIS, "exchange");
        queue(rules, "LinkedBlockingQueue", "put", "take");
        queue(rules, "ArrayBlockingQueue", "put", "take");
        queue(rules, "LinkedBlockingDeque", "put", "take", "putFirst", "putLast", "takeFirst", "takeLast");
        queue(rules, "PriorityBlockingQueue", "take");
        queue(rules, "DelayQueue", "take");
        queue(rules, "SynchronousQueue", "put", "take");
        queue(rules, "LinkedTransferQueue", "take", "transfer");
        queue(rules, "ScheduledThreadPoolExecutor$DelayedWorkQueue", "take");
    }

    private static void lock(Rules rules, String owner, String api) {
        rules.timed(owner, api, CONDITIONAL | SiteFlags.CLOCK_AT_WAIT, THIS, "lock", "lockInterruptibly");
        rules.timedExact(owner, "tryLock", TIMED_TRY, api + ".tryLock", CONDITIONAL, THIS);
    }

    /** A blocking queue: the listed methods in every overload, plus the timed offer/poll family. */
    private static void queue(Rules rules, String simpleName, String... blocking) {
        String owner = CONCURRENT + simpleName;
        String api = "java.util.concurrent." + simpleName.replace('$', '.');
        rules.timed(owner, api, CONDITIONAL, THIS, blocking);
        for (String offer : new String[] {"offer", "offerFirst", "offerLast", "tryTransfer"}) {
            rules.timedExact(owner, offer, TIMED_OFFER, api + "." + offer, CONDITIONAL, THIS);
        }
        for (String poll : new String[] {"poll", "pollFirst", "pollLast"}) {
            rules.timedExact(owner, poll, TIMED_POLL, api + "." + poll, CONDITIONAL, THIS);
        }
    }

    /** A held lock, a closed latch, no permit, an incomplete barrier, a full (or for {@code take}, empty) queue. */
    @Override
    public boolean wouldBlock(Site site, Object target) {
        if (target instanceof ReentrantLock) {
            ReentrantLock lock = (ReentrantLock) target;
            return lock.isLocked() && !lock.isHeldByCurrentThread();
        }
        if (target instanceof CountDownLatch) {
            return ((CountDownLatch) target).getCount() > 0;
        }
        if (target instanceof Semaphore) {
            return ((Semaphore) target).availablePermits() <= 0;
        }
        if (target instanceof CyclicBarrier) {
            CyclicBarrier barrier = (CyclicBarrier) target;
            return barrier.getNumberWaiting() < barrier.getParties() - 1;
        }
        String blockingMethod = site.blockingMethod();
        if (target instanceof BlockingQueue) {
            BlockingQueue<?> queue = (BlockingQueue<?>) target;
            String method = blockingMethod.substring(blockingMethod.lastIndexOf('.') + 1);
            return method.startsWith("put") || method.startsWith("offer") || method.equals("transfer") || method.equals("tryTransfer")
                    ? queue.remainingCapacity() == 0 || method.contains("ransfer")
                    : queue.isEmpty();
        }
        // a Condition always waits for a signal; an Exchanger for its partner
        return target instanceof Condition || blockingMethod.startsWith("java.util.concurrent.Exchanger");
    }

    /** A lock taken by {@code java.util.concurrent} itself: an executor's or a queue's own short internal lock. */
    @Override
    public boolean isMachinery(Site site, List<Frame> stack) {
        return JdkFrames.calledByConcurrencyMachinery(stack);
    }
}
