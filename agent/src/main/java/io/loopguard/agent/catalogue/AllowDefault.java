package io.loopguard.agent.catalogue;

/**
 * One built-in allow-list entry, declared by the family whose machinery it is ({@link BlockingFamily#allowDefaults}).
 * The same entry feeds both mechanisms, so the defaults are listed once: the frame pattern of the allow-list
 * (matched on the stack once per call site), and — when it names one exact method — an allowed scope woven into
 * that method (matched by the weaver, free at run time).
 *
 * @param pattern    the allow-list pattern, {@code pkg.Class#method} (same syntax as the {@code allow} option)
 * @param owner      internal name of the class to weave a scope into; null for a stack-only pattern
 * @param method     the method woven as a scope
 * @param descriptor its exact descriptor, or null for every overload
 * @param idleWait   the woven scope is an event loop's own idle wait: a registered thread inside it is idle, not busy
 */
public record AllowDefault(String pattern, String owner, String method, String descriptor, boolean idleWait) {

    /** An allowed scope woven into {@code owner.method}, also matched on the stack. */
    public static AllowDefault scope(String owner, String method, String descriptor) {
        return new AllowDefault(owner.replace('/', '.') + "#" + method, owner, method, descriptor, false);
    }

    /**
     * An event loop's idle wait (a selector's {@code select}, a task-queue wait): an allowed scope that also brackets
     * the loop's busy time (the watchdog's stalls and the loop time of the data file).
     */
    public static AllowDefault idleWait(String owner, String method, String descriptor) {
        return new AllowDefault(owner.replace('/', '.') + "#" + method, owner, method, descriptor, true);
    }

    /** A pattern matched on the stack only (no single method to weave, e.g. {@code *#<clinit>}). */
    public static AllowDefault onStack(String pattern) {
        return new AllowDefault(pattern, null, null, null, false);
    }

    public boolean isWoven() {
        return owner != null;
    }
}
