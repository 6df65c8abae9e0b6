package io.loopguard.format;

import java.util.List;
import java.util.Objects;

/**
 * The content of one {@code loopguard-<pid>.json} (or of a merged file).
 *
 * @param format            always {@link #FORMAT}; the reader refuses anything else
 * @param jvm               the JVM that wrote it
 * @param callSites         the blocking call sites seen on event-loop threads
 * @param droppedCalls      calls lost because the bound on distinct call sites was reached
 * @param registeredThreads names of the threads registered as event loops during the run (an optional, compatible
 *                          extension of the contract: reports show them when no call site was found)
 * @param maxSites          the agent's bound on distinct call sites ({@code maxSites}), 0 when unknown (optional,
 *                          compatible extension, written only when known: it explains {@code droppedCalls})
 * @param agentError        {@code null}, or one line saying why the agent failed to start in that JVM (optional,
 *                          compatible extension): the file then says nothing about blocking calls, and {@code check}
 *                          fails on it
 * @param loops             how each registered thread spent its time (optional, compatible extension; empty when no
 *                          thread was registered or the file predates it)
 */
public record DataFile(String format, JvmInfo jvm, List<CallSite> callSites, long droppedCalls,
                       List<String> registeredThreads, long maxSites, String agentError, List<LoopTime> loops) {

    /** The only format this version reads and writes. */
    public static final String FORMAT = "loopguard/1";

    public DataFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(jvm, "jvm");
        callSites = List.copyOf(Objects.requireNonNull(callSites, "callSites"));
        registeredThreads = registeredThreads == null ? List.of() : List.copyOf(registeredThreads);
        maxSites = Math.max(0, maxSites);
        loops = loops == null ? List.of() : List.copyOf(loops);
    }

    /** A data file without the optional {@code loops}. */
    public DataFile(String format, JvmInfo jvm, List<CallSite> callSites, long droppedCalls,
                    List<String> registeredThreads, long maxSites, String agentError) {
        this(format, jvm, callSites, droppedCalls, registeredThreads, maxSites, agentError, List.of());
    }

    /** A data file without the optional {@code maxSites} and {@code agentError}. */
    public DataFile(String format, JvmInfo jvm, List<CallSite> callSites, long droppedCalls,
                    List<String> registeredThreads) {
        this(format, jvm, callSites, droppedCalls, registeredThreads, 0, null);
    }

    /** A data file of the current {@link #FORMAT} without registered thread names. */
    public DataFile(JvmInfo jvm, List<CallSite> callSites, long droppedCalls) {
        this(FORMAT, jvm, callSites, droppedCalls, List.of());
    }
}
