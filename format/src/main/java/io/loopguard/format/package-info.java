/**
 * The {@code loopguard/1} data file: the one contract between the agent (writer) and the reports (reader).
 *
 * <p>JDK-only on purpose: the agent writes this file inside the user's JVM, where no JSON library may be assumed, and
 * the reader lives beside the writer so both change together (as JaCoCo's {@code ExecutionDataWriter}/{@code Reader}).
 * A change of shape means a new format version, never a silent change of {@link io.loopguard.format.DataFile#FORMAT}.
 */
package io.loopguard.format;
