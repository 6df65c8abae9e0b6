package io.loopguard.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.loopguard.format.DataFileSchema.Member;
import io.loopguard.format.io.AtomicFile;
import io.loopguard.format.json.JsonText;
import io.loopguard.format.json.TextBuffer;

/**
 * Writes a {@link DataFile} as {@code loopguard/1} JSON: the field names and order of the contract, one call-site
 * field group per line and one frame per line, so that a diff of two data files stays readable.
 */
public final class DataFileWriter {

    private DataFileWriter() {
    }

    /** Writes {@code file} as JSON to {@code out} (the caller chooses the encoding; files are UTF-8). */
    public static void write(DataFile file, Appendable out) throws IOException {
        JvmInfo jvm = file.jvm();
        out.append("{\n  ");
        name(out, Member.FORMAT);
        str(out, file.format());
        out.append(",\n  ");
        name(out, Member.JVM);
        out.append("{ ");
        name(out, Member.PID);
        out.append(Long.toString(jvm.pid())).append(", ");
        name(out, Member.JAVA_VERSION);
        str(out, jvm.javaVersion());
        out.append(", ");
        name(out, Member.COMMAND);
        str(out, jvm.command());
        out.append(",\n           ");
        name(out, Member.STARTED_AT);
        instant(out, jvm.startedAt());
        out.append(", ");
        name(out, Member.ENDED_AT);
        instant(out, jvm.endedAt());
        out.append(" },\n  ");
        name(out, Member.CALL_SITES);
        out.append('[');
        List<CallSite> sites = file.callSites();
        for (int i = 0; i < sites.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            writeCallSite(sites.get(i), out);
        }
        out.append(sites.isEmpty() ? "],\n  " : "\n  ],\n  ");
        name(out, Member.DROPPED_CALLS);
        out.append(Long.toString(file.droppedCalls())).append(",\n  ");
        if (file.maxSites() > 0) {
            name(out, Member.MAX_SITES);
            out.append(Long.toString(file.maxSites())).append(",\n  ");
        }
        name(out, Member.REGISTERED_THREADS);
        strings(out, file.registeredThreads());
        if (file.agentError() != null) {
            out.append(",\n  ");
            name(out, Member.AGENT_ERROR);
            str(out, file.agentError());
        }
        List<LoopTime> loops = file.loops();
        if (!loops.isEmpty()) {
            out.append(",\n  ");
            name(out, Member.LOOPS);
            out.append('[');
            for (int i = 0; i < loops.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n");
                writeLoop(loops.get(i), out);
            }
            out.append("\n  ]");
        }
        out.append("\n}\n");
    }

    /** The JSON text of {@code file}. */
    public static String toJson(DataFile file) {
        StringBuilder out = new StringBuilder(1024 + file.callSites().size() * 2048);
        try {
            write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@code file} to {@code target} so that a reader never sees half a file: into a temporary file in the
     * same directory, then an atomic rename (a plain replacing move where the file system cannot rename atomically).
     * Creates missing parent directories. See {@link AtomicFile} for the temporary name.
     */
    public static void writeAtomically(DataFile file, Path target) throws IOException {
        try (AtomicFile atomic = AtomicFile.create(target)) {
            TextBuffer out = new TextBuffer(atomic.writer());
            write(file, out);
            out.drain();
            atomic.commit();
        }
    }

    private static void writeCallSite(CallSite site, Appendable out) throws IOException {
        out.append("    {\n      ");
        name(out, Member.ID);
        str(out, site.id());
        out.append(",\n      ");
        name(out, Member.CATEGORY);
        str(out, site.category());
        out.append(",\n      ");
        name(out, Member.BLOCKING_METHOD);
        str(out, site.blockingMethod());
        out.append(",\n      ");
        name(out, Member.DETAIL);
        str(out, site.detail());
        out.append(",\n      ");
        name(out, Member.THREADS);
        strings(out, site.threads());
        out.append(",\n      ");
        name(out, Member.COUNT);
        out.append(Long.toString(site.count())).append(", ");
        name(out, Member.TOTAL_NANOS);
        out.append(Long.toString(site.totalNanos())).append(", ");
        name(out, Member.MIN_NANOS);
        out.append(Long.toString(site.minNanos())).append(", ");
        name(out, Member.MAX_NANOS);
        out.append(Long.toString(site.maxNanos())).append(",\n      ");
        name(out, Member.FIRST_SEEN);
        instant(out, site.firstSeen());
        out.append(", ");
        name(out, Member.LAST_SEEN);
        instant(out, site.lastSeen());
        out.append(",\n      ");
        name(out, Member.STACK);
        out.append('[');
        List<Frame> stack = site.stack();
        for (int i = 0; i < stack.size(); i++) {
            Frame frame = stack.get(i);
            out.append(i == 0 ? "\n        { " : ",\n        { ");
            name(out, Member.CLASS_NAME);
            str(out, frame.className());
            out.append(", ");
            name(out, Member.METHOD_NAME);
            str(out, frame.methodName());
            out.append(", ");
            name(out, Member.FILE_NAME);
            str(out, frame.fileName());
            out.append(", ");
            name(out, Member.LINE_NUMBER);
            out.append(Integer.toString(frame.lineNumber())).append(" }");
        }
        out.append(stack.isEmpty() ? "]" : "\n      ]");
        if (!site.tests().isEmpty()) {
            out.append(",\n      ");
            name(out, Member.TESTS);
            strings(out, site.tests());
        }
        if (site.allowedBy() != null) {
            out.append(",\n      ");
            name(out, Member.ALLOWED_BY);
            str(out, site.allowedBy());
        }
        if (site.histogram() != null) {
            out.append(",\n      ");
            name(out, Member.HISTOGRAM);
            out.append('{');
            boolean first = true;
            for (int bucket = 0; bucket < DurationHistogram.BUCKETS; bucket++) {
                long n = site.histogram().count(bucket);
                if (n > 0) {
                    out.append(first ? " \"" : ", \"").append(Long.toString(DurationHistogram.upperBound(bucket)))
                            .append("\": ").append(Long.toString(n));
                    first = false;
                }
            }
            out.append(first ? "}" : " }");
        }
        out.append("\n    }");
    }

    /** One loop per line pair: its thread and registration, then its times. */
    private static void writeLoop(LoopTime loop, Appendable out) throws IOException {
        out.append("    { ");
        name(out, Member.THREAD);
        str(out, loop.thread());
        out.append(", ");
        name(out, Member.REGISTERED_AT);
        if (loop.registeredAt() == null) {
            out.append("null");
        } else {
            instant(out, loop.registeredAt());
        }
        out.append(",\n      ");
        name(out, Member.REGISTERED_NANOS);
        out.append(Long.toString(loop.registeredNanos())).append(", ");
        name(out, Member.BUSY_NANOS);
        out.append(Long.toString(loop.busyNanos())).append(", ");
        name(out, Member.BLOCKED_NANOS);
        out.append('{');
        boolean first = true;
        for (Category category : Category.values()) { // the categories' order, whatever the map's
            Long nanos = loop.blockedNanos().get(category.id());
            if (nanos != null) {
                out.append(first ? " " : ", ");
                str(out, category.id());
                out.append(": ").append(Long.toString(nanos));
                first = false;
            }
        }
        out.append(first ? "}, " : " }, ");
        name(out, Member.STALL_NANOS);
        out.append(Long.toString(loop.stallNanos()));
        if (!loop.longest().isEmpty()) {
            out.append(",\n      ");
            name(out, Member.LONGEST);
            out.append('[');
            for (int i = 0; i < loop.longest().size(); i++) {
                BlockedStretch stretch = loop.longest().get(i);
                out.append(i == 0 ? "\n        { " : ",\n        { ");
                name(out, Member.STRETCH_CATEGORY);
                str(out, stretch.category());
                out.append(", ");
                name(out, Member.STRETCH_SITE);
                str(out, stretch.site());
                out.append(", ");
                name(out, Member.STRETCH_START);
                instant(out, stretch.start());
                out.append(", ");
                name(out, Member.STRETCH_NANOS);
                out.append(Long.toString(stretch.nanos())).append(" }");
            }
            out.append("\n      ]");
        }
        out.append(" }");
    }

    /** {@code "name": }, the member's name and the colon before its value. */
    private static void name(Appendable out, Member member) throws IOException {
        out.append('"').append(member.jsonName).append("\": ");
    }

    private static void strings(Appendable out, List<String> values) throws IOException {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            str(out, values.get(i));
        }
        out.append(']');
    }

    private static void instant(Appendable out, Instant instant) throws IOException {
        out.append('"');
        InstantText.append(out, instant); // ISO-8601, always UTC ("Z"), as Instant.toString() writes it
        out.append('"');
    }

    private static void str(Appendable out, String value) throws IOException {
        JsonText.quote(out, value, false);
    }
}
