/**
 * Bytecode weaving with plain ASM: timed enter/exit hooks as a try/finally around method bodies, entry and return
 * hooks, the JDK 17 call-site rewrite and the {@code NativeCalls} strategy that decides where it applies, and
 * class-file header reading without class loading.
 */
package io.loopguard.agent.weave;
