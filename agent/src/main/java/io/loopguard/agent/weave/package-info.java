/**
 * Bytecode weaving with plain ASM: timed enter/exit hooks as a try/finally around method bodies, entry and return
 * hooks, the JDK 17 call-site rewrite and the {@code NativeCalls} strategy that decides where it applies,
 * class-file header reading without class loading, and the record of what was woven ({@code WovenMethods}: a contended
 * monitor inside a woven call is part of that call).
 */
package io.loopguard.agent.weave;
