/**
 * Flight recordings as input to the reports: the {@code io.loopguard.BlockingCall} events of a {@code .jfr} file read
 * back into the data file's shape ({@link io.loopguard.format.DataFile}), so that report, check and baseline treat a
 * fleet's recordings exactly like data files. Links to {@code jdk.jfr} (part of every JDK 17+); nothing else in
 * {@code format} does, and nothing loads this package unless a {@code .jfr} input is given.
 */
package io.loopguard.format.jfr;
