/**
 * Loop time: how long each registered thread was registered, busy, blocked (by category) and stalled, from the
 * runtime's busy/idle bracket and the recorder's per-thread totals, for the data file's {@code loops}.
 */
package io.loopguard.agent.looptime;
