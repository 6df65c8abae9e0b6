package io.loopguard.format;

import java.time.Instant;
import java.util.Objects;

/**
 * The JVM that wrote a data file.
 *
 * @param pid         process id
 * @param javaVersion {@code java.version} of that JVM
 * @param command     {@code sun.java.command} (main class or jar and arguments); may be empty, never {@code null}
 * @param startedAt   JVM start time
 * @param endedAt     JVM exit time; for the periodic writes while the JVM still runs, the time of that write
 */
public record JvmInfo(long pid, String javaVersion, String command, Instant startedAt, Instant endedAt) {

    public JvmInfo {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
