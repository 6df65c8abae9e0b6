package io.loopguard.report.model;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges data files by call-site id: counts and times add up, min/max and first/last seen widen, threads unite. The
 * id ignores the lines of JDK frames, so two JVMs on different JDK updates merge too; the first file's stack is kept.
 */
public final class Merger {

    /** Most blocked time first; the id breaks ties so that reports are deterministic and diff well. */
    public static final Comparator<CallSite> BY_BLOCKED_TIME = new Comparator<CallSite>() {
        // A named class, not Comparator.comparingLong(...): lambdas bootstrap LambdaMetafactory, which costs tens of
        // milliseconds in the cold JVM where the agent writes index.html at exit.
        @Override
        public int compare(CallSite a, CallSite b) {
            int byTime = Long.compare(b.totalNanos(), a.totalNanos());
            return byTime != 0 ? byTime : a.id().compareTo(b.id());
        }
    };

    private Merger() {
    }

    /** Merges what {@link InputFiles#load} read; its failures become {@link MergedReport#skipped()}. */
    public static MergedReport merge(LoadResult loaded) {
        List<Run> runs = new ArrayList<>();
        List<DataFile> files = new ArrayList<>();
        for (LoadResult.Loaded file : loaded.files()) {
            DataFile data = file.file();
            runs.add(new Run(file.path().toString(), data.jvm(), data.callSites().size(), data.droppedCalls(),
                    data.maxSites(), data.agentError()));
            files.add(data);
        }
        List<String> skipped = new ArrayList<>(loaded.failures().size());
        for (DataFileException failure : loaded.failures()) {
            skipped.add(failure.getMessage());
        }
        return merge(runs, files, skipped);
    }

    /** Merges {@code files}, described by {@code runs} (same order). */
    public static MergedReport merge(List<Run> runs, List<DataFile> files, List<String> skipped) {
        Map<String, CallSite> sites = new LinkedHashMap<>();
        Set<String> registered = new LinkedHashSet<>();
        long dropped = 0;
        for (DataFile file : files) {
            dropped += file.droppedCalls();
            registered.addAll(file.registeredThreads());
            for (CallSite site : file.callSites()) {
                CallSite known = sites.get(site.id());
                sites.put(site.id(), known == null ? site : combine(known, site));
            }
        }
        List<CallSite> sorted = new ArrayList<>(sites.values());
        sorted.sort(BY_BLOCKED_TIME);
        return new MergedReport(runs, sorted, dropped, List.copyOf(registered), skipped);
    }

    /** Two observations of the same call site. */
    static CallSite combine(CallSite a, CallSite b) {
        Set<String> threads = new LinkedHashSet<>(a.threads());
        threads.addAll(b.threads());
        return new CallSite(a.id(), a.category(), a.blockingMethod(), a.detail() != null ? a.detail() : b.detail(),
                List.copyOf(threads), a.count() + b.count(), a.totalNanos() + b.totalNanos(),
                Math.min(a.minNanos(), b.minNanos()), Math.max(a.maxNanos(), b.maxNanos()),
                a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
                a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.stack());
    }
}
