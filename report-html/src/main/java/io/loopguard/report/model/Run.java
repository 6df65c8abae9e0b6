package io.loopguard.report.model;

import io.loopguard.format.JvmInfo;

/**
 * One JVM run that contributed to a report.
 *
 * @param source       the data file it was read from
 * @param jvm          the JVM that wrote it
 * @param callSites    number of call sites in that file
 * @param droppedCalls calls that JVM lost to the call-site bound
 * @param maxSites     that bound, 0 when the file does not say
 * @param agentError   why the agent failed to start in that JVM, {@code null} when it did not
 */
public record Run(String source, JvmInfo jvm, int callSites, long droppedCalls, long maxSites, String agentError) {

    /** A run whose agent started, bound unknown. */
    public Run(String source, JvmInfo jvm, int callSites, long droppedCalls) {
        this(source, jvm, callSites, droppedCalls, 0, null);
    }
}
