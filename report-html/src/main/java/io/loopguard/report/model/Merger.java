package io.loopguard.report.model;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import io.loopguard.format.LoopTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges data files by call-site id: counts and times add up, min/max and first/last seen widen, threads unite. The
 * id ignores the lines of JDK frames, so two JVMs on different JDK updates merge too; the first file's stack is kept.
 * Call sites that a framework's published allowance matched ({@code allowedBy}) go to
 * {@link MergedReport#allowedSites}, never checked. Loop time merges by thread name: the same loop thread of several
 * runs adds up.
 */
public final class Merger {

    private Merger() {
    }

    /** Merges what {@link InputFiles#load} read; its failures become {@link MergedReport#skipped()}. */
    public static MergedReport merge(LoadResult loaded) {
        List<Run> runs = new ArrayList<>();
        List<DataFile> files = new ArrayList<>();
        for (LoadResult.Loaded file : loaded.files()) {
            DataFile data = file.file();
            runs.add(new Run(file.path().toString(), data.jvm(), reportedSites(data), data.droppedCalls(),
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
        Map<String, LoopTime> loops = new LinkedHashMap<>();
        long dropped = 0;
        for (DataFile file : files) {
            dropped += file.droppedCalls();
            registered.addAll(file.registeredThreads());
            for (LoopTime loop : file.loops()) {
                LoopTime known = loops.get(loop.thread());
                loops.put(loop.thread(), known == null ? loop : known.plus(loop));
            }
            for (CallSite site : file.callSites()) {
                CallSite known = sites.get(site.id());
                sites.put(site.id(), known == null ? site : known.mergedWith(site));
            }
        }
        List<CallSite> sorted = new ArrayList<>();
        List<CallSite> allowed = new ArrayList<>();
        for (CallSite site : sites.values()) {
            (site.isAllowed() ? allowed : sorted).add(site);
        }
        sorted.sort(CallSite.MOST_BLOCKED_FIRST);
        allowed.sort(CallSite.MOST_BLOCKED_FIRST);
        return new MergedReport(runs, sorted, dropped, List.copyOf(registered), skipped, allowed,
                List.copyOf(loops.values()));
    }

    /** The call sites of one file that are checked: not those a framework's published allowance matched. */
    private static int reportedSites(DataFile data) {
        int n = 0;
        for (CallSite site : data.callSites()) {
            if (!site.isAllowed()) {
                n++;
            }
        }
        return n;
    }
}
