package io.loopguard.agent.record;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * For {@code mode=throw}: would this lock, future, queue or join call block right now? It must be decided before
 * the call starts, because the error may only be thrown at the public API boundary, never from a park inside the
 * JDK's lock internals (that corrupts their state, BlockHound issue #38). An uncontended lock or a completed future
 * is not a blocking call and must not throw. Types it does not know are let through (recorded if they wait).
 */
final class WouldBlock {
    private WouldBlock() {
    }

    static boolean test(String blockingMethod, Object target) {
        if (target instanceof ReentrantLock) {
            ReentrantLock lock = (ReentrantLock) target;
            return lock.isLocked() && !lock.isHeldByCurrentThread();
        }
        if (target instanceof Future) {
            return !((Future<?>) target).isDone();
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
        if (target instanceof BlockingQueue) {
            BlockingQueue<?> queue = (BlockingQueue<?>) target;
            String method = blockingMethod.substring(blockingMethod.lastIndexOf('.') + 1);
            return method.startsWith("put") || method.startsWith("offer") || method.equals("transfer") || method.equals("tryTransfer")
                    ? queue.remainingCapacity() == 0 || method.contains("ransfer")
                    : queue.isEmpty();
        }
        if (target instanceof Thread) {
            return ((Thread) target).isAlive();
        }
        return target instanceof Condition || blockingMethod.startsWith("java.util.concurrent.Exchanger");
    }
}
