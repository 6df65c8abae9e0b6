package io.loopguard;

/**
 * Thrown by the agent in {@code mode=throw} when a blocking call is about to run on an event-loop thread.
 *
 * <p>It is thrown at the public API the application called (for example {@code Thread.sleep} or
 * {@code ReentrantLock.lock}), before any blocking work or JDK state change happens, so locks, queues and executors
 * stay consistent. It is an {@link Error} so that ordinary {@code catch (Exception e)} blocks do not swallow it.
 */
public class BlockingCallError extends Error {
    private static final long serialVersionUID = 1L;

    public BlockingCallError(String message) {
        super(message);
    }
}
