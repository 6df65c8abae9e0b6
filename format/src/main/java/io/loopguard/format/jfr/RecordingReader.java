package io.loopguard.format.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.loopguard.format.BlockedStretch;
import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import io.loopguard.format.DurationHistogram;
import io.loopguard.format.Frame;
import io.loopguard.format.FrameText;
import io.loopguard.format.JvmInfo;
import io.loopguard.format.LoopTime;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the {@code io.loopguard.BlockingCall} events of one recording into a {@link DataFile}: events with the same
 * call-site id (computed from category, blocking method and stack by {@link CallSiteId}, as the agent does) become
 * one {@link CallSite} whose count, total, min and max are those of its events, and whose detail is the first one
 * seen, and whose duration histogram is made of the events' durations. The JVM comes from {@code jdk.JVMInformation}
 * and {@code jdk.InitialSystemProperty} when the recording has them.
 *
 * <p>The loops ({@code loops[]}) come from the periodic {@code io.loopguard.LoopUtilization} events: one loop per
 * {@code loopThread} that has them, registered time and busy time the sums of its events' {@code period} and
 * {@code busy}, so they cover the part of the loop's life the recording holds (from its first event's period start);
 * time blocked by category, stall time and the longest calls come from that thread's {@code BlockingCall} events, as
 * in the agent's data file. A recording without utilization events (the event disabled) has no loops. What a
 * recording cannot say: calls the agent dropped at its {@code maxSites} bound (0 here) and the registered threads.
 *
 * <p>Errors: a file that is not a recording, or is cut short, is a {@link DataFileException} naming the file, like a
 * bad data file.
 */
public final class RecordingReader {
    /** The agent's event (kept equal to the agent's {@code BlockingCallEvent.NAME}). */
    public static final String EVENT = "io.loopguard.BlockingCall";
    /** File names the reports read as recordings. */
    public static final String SUFFIX = ".jfr";
    /** The agent's periodic per-loop event (kept equal to the agent's {@code LoopUtilizationEvent.NAME}). */
    public static final String UTILIZATION = "io.loopguard.LoopUtilization";
    private static final int MAX_THREAD_NAMES = 16;

    private RecordingReader() {
    }

    public static boolean isRecording(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().endsWith(SUFFIX);
    }

    public static DataFile read(Path file) throws DataFileException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(source, Files.exists(file) ? "not a regular file" : "no such file", null);
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        Map<String, Loop> loops = new TreeMap<>();
        Jvm jvm = new Jvm();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                jvm.saw(event);
                String name = event.getEventType().getName();
                if (name.equals(EVENT)) {
                    Site site = add(sites, event);
                    loop(loops, event.getString("loopThread")).blocked(site, event);
                } else if (name.equals(UTILIZATION)) {
                    loop(loops, event.getString("loopThread")).period(event);
                }
            }
        } catch (IOException | RuntimeException e) { // the parser's words for a cut or foreign file
            throw new DataFileException(source, "not a readable JFR recording (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        List<CallSite> out = new ArrayList<>();
        for (Site site : sites.values()) {
            out.add(site.callSite());
        }
        out.sort(CallSite.MOST_BLOCKED_FIRST);
        List<LoopTime> loopTimes = new ArrayList<>();
        for (Loop loop : loops.values()) {
            if (loop.periods > 0) { // a thread with calls but no utilization event: not known as a loop here
                loopTimes.add(loop.loopTime());
            }
        }
        return new DataFile(DataFile.FORMAT, jvm.info(), out, 0L, List.of(), 0, null, loopTimes);
    }

    private static Loop loop(Map<String, Loop> loops, String thread) {
        return loops.computeIfAbsent(thread == null ? "" : thread, Loop::new);
    }

    private static Site add(Map<String, Site> sites, RecordedEvent event) {
        String category = event.getString("category");
        String blockingMethod = event.getString("blockingMethod");
        if (category == null || blockingMethod == null) {
            throw new IllegalArgumentException(EVENT + " event without category or blockingMethod at "
                    + event.getStartTime());
        }
        List<Frame> stack = FrameText.parse(event.getString("stack"));
        String id = CallSiteId.of(category, blockingMethod, stack);
        Site site = sites.get(id);
        if (site == null) {
            site = new Site(id, category, blockingMethod, stack);
            sites.put(id, site);
        }
        site.add(event.getString("detail"), event.getString("loopThread"), event.getStartTime(), event.getEndTime(),
                event.getDuration().toNanos());
        return site;
    }

    /** One loop thread's utilization periods and blocking calls. */
    private static final class Loop {
        private final String thread;
        private final Map<String, Long> blocked = new TreeMap<>();
        private List<BlockedStretch> longest = new ArrayList<>();
        private long periods;
        private long registered;
        private long busy;
        private long stall;
        private Instant firstStart;

        Loop(String thread) {
            this.thread = thread;
        }

        void period(RecordedEvent event) {
            long period = event.getLong("period");
            Instant start = event.getEndTime().minusNanos(period);
            firstStart = firstStart == null || start.isBefore(firstStart) ? start : firstStart;
            periods++;
            registered += period;
            busy += event.getLong("busy");
        }

        void blocked(Site site, RecordedEvent event) {
            long nanos = event.getDuration().toNanos();
            if (site.category.equals(Category.STALL.id())) {
                stall += nanos;
            } else {
                blocked.merge(site.category, nanos, Long::sum);
            }
            longest.add(new BlockedStretch(site.category, site.id, event.getStartTime(), nanos));
            if (longest.size() > 4 * BlockedStretch.MAX_PER_LOOP) { // bounded while reading, trimmed at the end
                keepLongest();
            }
        }

        private void keepLongest() {
            longest = new ArrayList<>(LoopTime.longestOf(List.of(), longest));
        }

        LoopTime loopTime() {
            keepLongest();
            return new LoopTime(thread, firstStart, registered, busy, blocked, stall, longest);
        }
    }

    /** Running totals of one call site over its events. */
    private static final class Site {
        private final String id;
        private final String category;
        private final String blockingMethod;
        private final List<Frame> stack;
        private final List<String> threads = new ArrayList<>();
        private String detail;
        private long count;
        private long total;
        private long min = Long.MAX_VALUE;
        private long max;
        private Instant first;
        private Instant last;
        private final long[] histogram = new long[DurationHistogram.BUCKETS];

        Site(String id, String category, String blockingMethod, List<Frame> stack) {
            this.id = id;
            this.category = category;
            this.blockingMethod = blockingMethod;
            this.stack = stack;
        }

        void add(String callDetail, String thread, Instant start, Instant end, long nanos) {
            if (detail == null) {
                detail = callDetail;
            }
            if (thread != null && !threads.contains(thread) && threads.size() < MAX_THREAD_NAMES) {
                threads.add(thread);
            }
            count++;
            histogram[DurationHistogram.bucketOf(nanos)]++;
            total += nanos;
            min = Math.min(min, nanos);
            max = Math.max(max, nanos);
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
        }

        CallSite callSite() {
            return new CallSite(id, category, blockingMethod, detail, threads, count, total, min, max, first, last,
                    stack).withHistogram(DurationHistogram.of(histogram));
        }
    }

    /** The recorded JVM, from the JDK's own events; what they do not say stays unknown (pid 0, empty strings). */
    private static final class Jvm {
        private long pid;
        private String javaVersion = "";
        private String command = "";
        private Instant started;
        private Instant ended;

        void saw(RecordedEvent event) {
            Instant end = event.getEndTime();
            if (ended == null || end.isAfter(ended)) {
                ended = end;
            }
            if (started == null || event.getStartTime().isBefore(started)) {
                started = event.getStartTime();
            }
            switch (event.getEventType().getName()) {
                case "jdk.JVMInformation" -> {
                    if (event.hasField("pid")) {
                        pid = event.getLong("pid");
                    }
                    if (event.hasField("jvmStartTime")) {
                        started = event.getInstant("jvmStartTime");
                    }
                    String vm = event.getString("jvmVersion"); // "OpenJDK 64-Bit Server VM (17.0.15+6) for ..."
                    int open = vm == null ? -1 : vm.indexOf('(');
                    int close = open < 0 ? -1 : vm.indexOf(')', open);
                    if (javaVersion.isEmpty() && close > open) {
                        javaVersion = vm.substring(open + 1, close); // the runtime version, java.version's long form
                    }
                    String javaArguments = event.getString("javaArguments");
                    command = javaArguments == null ? "" : javaArguments;
                }
                case "jdk.InitialSystemProperty" -> {
                    if ("java.version".equals(event.getString("key"))) { // present when set on the command line
                        javaVersion = String.valueOf(event.getString("value"));
                    }
                }
                default -> {
                }
            }
        }

        JvmInfo info() {
            Instant none = Instant.EPOCH;
            return new JvmInfo(pid, javaVersion, command, started == null ? none : started, ended == null ? none : ended);
        }
    }
}
