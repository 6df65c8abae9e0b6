/**
 * The bootstrap-visible runtime that woven JDK code calls: thread registry, per-thread call depth, and method-handle
 * bridges to the agent. JDK-only; defined inside {@code java.base} as {@code java.lang.$LoopGuard*} by the agent.
 */
package io.loopguard.runtime;
