/**
 * {@code --drive}: a load driver on plain (non-event-loop) threads with the JDK's HTTP client, and the latency table
 * that shows head-of-line blocking.
 */
package io.loopguard.demo.drive;
