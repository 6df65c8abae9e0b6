/**
 * Stalls: the watchdog thread that notices a registered thread busy longer than the stall limit with no recorded
 * blocking call, samples its stack until it goes idle, and records one {@code stall} call site per busy code path.
 */
package io.loopguard.agent.stall;
