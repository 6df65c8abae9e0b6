package io.loopguard.report.model;

import io.loopguard.format.JvmInfo;

/**
 * One JVM run that contributed to a report.
 *
 * @param source       the data file it was read from
 * @param jvm          the JVM that wrote it
 * @param callSites    number of call sites in that file
 * @param droppedCalls calls that JVM lost to the call-site bound
 */
public record Run(String source, JvmInfo jvm, int callSites, long droppedCalls) {
}
