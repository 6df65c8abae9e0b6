/**
 * Blocking the JVM times itself, read from an in-process JFR stream: a contended {@code synchronized} entry
 * ({@code monitor}) and a virtual thread pinned to its carrier while it blocks ({@code pinning}). Neither is visible
 * to method advice. The stream starts on the agent's own thread when the first event-loop thread is registered, and
 * its events go through the same recorder as woven calls.
 */
package io.loopguard.agent.jfr;
