package io.loopguard.agent.weave;

/**
 * What to weave into one method: a timed blocking call, or a plain hook at entry or at return.
 *
 * @param name       method name
 * @param descriptor exact descriptor, or null for every overload
 * @param kind       what is woven
 * @param site       for {@link Kind#TIMED}: the site int handed to {@code enter}/{@code exit} (index and flags)
 * @param context    for {@link Kind#TIMED}: the object handed to {@code enter}
 */
public record MethodRule(String name, String descriptor, Kind kind, int site, ContextSource context) {

    public enum Kind {
        /** enter/exit around the whole body, exit also on throw. */
        TIMED,
        /** {@code $LoopGuard.threadStarting(this)} at entry ({@code Thread.start}). */
        THREAD_STARTING,
        /** {@code $LoopGuard.threadStarting(this)} before each return ({@code Thread.setName}). */
        THREAD_RENAMED,
        /** {@code $LoopGuard.loopStarted()} at entry (an event loop's {@code run}). */
        LOOP_STARTED,
        /** {@code $LoopGuard.sqlPrepared(result, sql)} before each return ({@code Connection.prepareStatement}). */
        SQL_PREPARED
    }

    public static MethodRule timed(String name, String descriptor, int site, ContextSource context) {
        return new MethodRule(name, descriptor, Kind.TIMED, site, context);
    }

    public static MethodRule hook(String name, String descriptor, Kind kind) {
        return new MethodRule(name, descriptor, kind, 0, ContextSource.NONE);
    }

    boolean matches(String methodName, String methodDescriptor) {
        return name.equals(methodName) && (descriptor == null || descriptor.equals(methodDescriptor));
    }
}
