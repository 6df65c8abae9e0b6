package io.loopguard.report.model;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.JvmInfo;
import io.loopguard.format.LoopTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Call sites of one or many JVM runs, merged by id and ordered by blocked time (most first, then id), plus what is
 * needed to explain the result: the runs, the files that were skipped, the registered event-loop threads.
 *
 * @param runs              the JVMs, in input order
 * @param callSites         merged call sites, most blocked time first
 * @param droppedCalls      sum over the runs
 * @param registeredThreads union over the runs, in first-seen order
 * @param skipped           one message per input that could not be read
 * @param allowedSites      merged call sites that a framework's published allowance matched ({@link CallSite#allowedBy}),
 *                          most blocked time first: shown in their own section, never checked (not in
 *                          {@code callSites})
 * @param loops             the loop time of the registered threads, merged by thread name (times added up over the
 *                          runs), in first-seen order; empty when no file has {@code loops}
 */
public record MergedReport(List<Run> runs, List<CallSite> callSites, long droppedCalls,
                           List<String> registeredThreads, List<String> skipped, List<CallSite> allowedSites,
                           List<LoopTime> loops) {

    public MergedReport {
        runs = List.copyOf(runs);
        callSites = List.copyOf(callSites);
        registeredThreads = List.copyOf(registeredThreads);
        skipped = List.copyOf(skipped);
        allowedSites = allowedSites == null ? List.of() : List.copyOf(allowedSites);
        loops = loops == null ? List.of() : List.copyOf(loops);
    }

    /** A merge without call sites allowed by a framework's policy and without loop time. */
    public MergedReport(List<Run> runs, List<CallSite> callSites, long droppedCalls, List<String> registeredThreads,
                        List<String> skipped) {
        this(runs, callSites, droppedCalls, registeredThreads, skipped, List.of(), List.of());
    }

    // Loops rather than streams throughout: the agent renders index.html from this in the user's JVM at exit,
    // where the first lambda or stream costs tens of milliseconds of class loading and LambdaMetafactory.

    /** Number of blocking calls over all sites. */
    public long totalCalls() {
        long sum = 0;
        for (CallSite site : callSites) {
            sum += site.count();
        }
        return sum;
    }

    /** Blocked time over all sites. */
    public long totalNanos() {
        long sum = 0;
        for (CallSite site : callSites) {
            sum += site.totalNanos();
        }
        return sum;
    }

    /** Earliest JVM start, if any run was read. */
    public Optional<Instant> startedAt() {
        Instant min = null;
        for (Run run : runs) {
            Instant t = run.jvm().startedAt();
            min = min == null || t.isBefore(min) ? t : min;
        }
        return Optional.ofNullable(min);
    }

    /** Latest JVM end, if any run was read. */
    public Optional<Instant> endedAt() {
        Instant max = null;
        for (Run run : runs) {
            Instant t = run.jvm().endedAt();
            max = max == null || t.isAfter(max) ? t : max;
        }
        return Optional.ofNullable(max);
    }

    /** Number of call sites per category id, most sites first (then by id). */
    public Map<String, Long> sitesPerCategory() {
        Map<String, Long> counts = new HashMap<>();
        for (CallSite site : callSites) {
            Long n = counts.get(site.category());
            counts.put(site.category(), n == null ? 1L : n + 1);
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(new Comparator<Map.Entry<String, Long>>() {
            @Override
            public int compare(Map.Entry<String, Long> a, Map.Entry<String, Long> b) {
                int byCount = Long.compare(b.getValue(), a.getValue());
                return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
            }
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : entries) {
            sorted.put(entry.getKey(), entry.getValue());
        }
        return sorted;
    }

    /**
     * The merge as one {@code loopguard/1} file. One run keeps its JVM; several get a synthetic one (pid 0, the
     * distinct Java versions, a command that lists the pids, the overall time range), since the format has a single
     * {@code jvm} object.
     */
    public DataFile toDataFile() {
        List<CallSite> all = callSites;
        if (!allowedSites.isEmpty()) {
            all = new ArrayList<>(callSites);
            all.addAll(allowedSites);
            all.sort(CallSite.MOST_BLOCKED_FIRST);
        }
        return new DataFile(DataFile.FORMAT, mergedJvm(), all, droppedCalls, registeredThreads, mergedMaxSites(),
                mergedAgentError(), loops);
    }

    /** The largest bound of the runs (0 when none says): enough to explain the merged {@code droppedCalls}. */
    private long mergedMaxSites() {
        long max = 0;
        for (Run run : runs) {
            max = Math.max(max, run.maxSites());
        }
        return max;
    }

    /** The runs' agent errors, so that a check of the merged file fails as a check of the inputs would. */
    private String mergedAgentError() {
        if (runs.size() == 1) {
            return runs.get(0).agentError();
        }
        StringBuilder errors = new StringBuilder();
        for (Run run : runs) {
            if (run.agentError() != null) {
                errors.append(errors.length() == 0 ? "" : "; ").append("pid ").append(run.jvm().pid()).append(": ")
                        .append(run.agentError());
            }
        }
        return errors.length() == 0 ? null : errors.toString();
    }

    private JvmInfo mergedJvm() {
        if (runs.size() == 1) {
            return runs.get(0).jvm();
        }
        if (runs.isEmpty()) {
            return new JvmInfo(0, "", "", Instant.EPOCH, Instant.EPOCH);
        }
        Set<String> distinct = new LinkedHashSet<>();
        StringBuilder pids = new StringBuilder();
        for (Run run : runs) {
            distinct.add(run.jvm().javaVersion());
            pids.append(pids.length() == 0 ? "" : " ").append(run.jvm().pid());
        }
        String versions = String.join(", ", distinct);
        return new JvmInfo(0, versions, "merged from " + runs.size() + " JVMs (pids " + pids + ")",
                startedAt().orElseThrow(), endedAt().orElseThrow());
    }
}
