package io.loopguard.report.model;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.JvmInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Call sites of one or many JVM runs, merged by id and ordered by blocked time (most first, then id), plus what is
 * needed to explain the result: the runs, the files that were skipped, the registered event-loop threads.
 *
 * @param runs              the JVMs, in input order
 * @param callSites         merged call sites, most blocked time first
 * @param droppedCalls      sum over the runs
 * @param registeredThreads union over the runs, in first-seen order
 * @param skipped           one message per input that could not be read
 */
public record MergedReport(List<Run> runs, List<CallSite> callSites, long droppedCalls,
                           List<String> registeredThreads, List<String> skipped) {

    public MergedReport {
        runs = List.copyOf(runs);
        callSites = List.copyOf(callSites);
        registeredThreads = List.copyOf(registeredThreads);
        skipped = List.copyOf(skipped);
    }

    /** Number of blocking calls over all sites. */
    public long totalCalls() {
        return callSites.stream().mapToLong(CallSite::count).sum();
    }

    /** Blocked time over all sites. */
    public long totalNanos() {
        return callSites.stream().mapToLong(CallSite::totalNanos).sum();
    }

    /** Earliest JVM start, if any run was read. */
    public Optional<Instant> startedAt() {
        return runs.stream().map(r -> r.jvm().startedAt()).min(Instant::compareTo);
    }

    /** Latest JVM end, if any run was read. */
    public Optional<Instant> endedAt() {
        return runs.stream().map(r -> r.jvm().endedAt()).max(Instant::compareTo);
    }

    /** Number of call sites per category id, most sites first. */
    public Map<String, Long> sitesPerCategory() {
        Map<String, Long> counts = callSites.stream()
                .collect(Collectors.groupingBy(CallSite::category, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * The merge as one {@code loopguard/1} file. One run keeps its JVM; several get a synthetic one (pid 0, the
     * distinct Java versions, a command that lists the pids, the overall time range), since the format has a single
     * {@code jvm} object.
     */
    public DataFile toDataFile() {
        return new DataFile(DataFile.FORMAT, mergedJvm(), callSites, droppedCalls, registeredThreads);
    }

    private JvmInfo mergedJvm() {
        if (runs.size() == 1) {
            return runs.get(0).jvm();
        }
        if (runs.isEmpty()) {
            return new JvmInfo(0, "", "", Instant.EPOCH, Instant.EPOCH);
        }
        String versions = runs.stream().map(r -> r.jvm().javaVersion())
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(", "));
        String pids = runs.stream().map(r -> Long.toString(r.jvm().pid())).collect(Collectors.joining(" "));
        return new JvmInfo(0, versions, "merged from " + runs.size() + " JVMs (pids " + pids + ")",
                startedAt().orElseThrow(), endedAt().orElseThrow());
    }
}
