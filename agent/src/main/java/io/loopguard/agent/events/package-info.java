/**
 * The agent's own JFR event, {@code io.loopguard.BlockingCall}: every recorded blocking call (woven, or timed by the
 * JVM and read from JFR) is also an event in whatever flight recording the JVM runs, so a fleet's continuous
 * recordings carry loopguard's findings without a collector of loopguard's own. Nothing here costs anything unless a
 * recording has the event enabled, and nothing links to {@code jdk.jfr} before the first recorded call.
 */
package io.loopguard.agent.events;
