package io.loopguard.format;

import java.nio.charset.StandardCharsets;

/**
 * The one definition of {@code loopguard/1}'s members: their JSON names, the object they belong to, and whether a
 * reader may do without them. {@link DataFileWriter} writes these names, the streaming {@link DataFileBinder} matches
 * them as bytes, and the tree binder in {@link DataFileReader} looks them up and words its errors with them. A new
 * optional field is one constant here plus its line in each of the three, and {@code DataFileSchemaTest} fails until
 * the writer writes it and both readers read it alike.
 *
 * <p>Every member added after the first version of the contract is {@link Presence#OPTIONAL}: older files must stay
 * readable. Readers ignore members they do not know, so newer files stay readable by older reports.
 */
final class DataFileSchema {

    private DataFileSchema() {
    }

    /** The data file's JSON objects. */
    enum Owner {
        /** The top-level object. */
        ROOT,
        /** The {@code jvm} object. */
        JVM,
        /** An element of {@code callSites}. */
        CALL_SITE,
        /** An element of a call site's {@code stack}. */
        FRAME,
        /** An element of {@code loops}. */
        LOOP,
        /** An element of a loop's {@code longest}. */
        STRETCH
    }

    /** Whether a reader refuses an object without the member. */
    enum Presence {
        REQUIRED,
        /** Absent means the documented default ({@code null}, empty, 0). */
        OPTIONAL
    }

    /**
     * A member of one of the objects. Fewer than 64 in all, so that the members seen in one object fit in a
     * {@code long} ({@link #bit()}): the binder refuses repeated members and checks required ones with two masks.
     */
    enum Member {
        FORMAT(Owner.ROOT, "format", Presence.REQUIRED),
        JVM(Owner.ROOT, "jvm", Presence.REQUIRED),
        CALL_SITES(Owner.ROOT, "callSites", Presence.REQUIRED),
        DROPPED_CALLS(Owner.ROOT, "droppedCalls", Presence.REQUIRED),
        /** Extension: the agent's bound on distinct call sites, written only when known. */
        MAX_SITES(Owner.ROOT, "maxSites", Presence.OPTIONAL),
        /** Extension: names of the threads registered as event loops. */
        REGISTERED_THREADS(Owner.ROOT, "registeredThreads", Presence.OPTIONAL),
        /** Extension: why the agent failed to start in that JVM, written only then. */
        AGENT_ERROR(Owner.ROOT, "agentError", Presence.OPTIONAL),
        /** Extension: how each registered thread spent its time, written only when a thread was registered. */
        LOOPS(Owner.ROOT, "loops", Presence.OPTIONAL),

        PID(Owner.JVM, "pid", Presence.REQUIRED),
        JAVA_VERSION(Owner.JVM, "javaVersion", Presence.REQUIRED),
        COMMAND(Owner.JVM, "command", Presence.REQUIRED),
        STARTED_AT(Owner.JVM, "startedAt", Presence.REQUIRED),
        ENDED_AT(Owner.JVM, "endedAt", Presence.REQUIRED),

        ID(Owner.CALL_SITE, "id", Presence.REQUIRED),
        CATEGORY(Owner.CALL_SITE, "category", Presence.REQUIRED),
        BLOCKING_METHOD(Owner.CALL_SITE, "blockingMethod", Presence.REQUIRED),
        /** Written as {@code null} when unknown; an absent one means the same. */
        DETAIL(Owner.CALL_SITE, "detail", Presence.OPTIONAL),
        THREADS(Owner.CALL_SITE, "threads", Presence.REQUIRED),
        COUNT(Owner.CALL_SITE, "count", Presence.REQUIRED),
        TOTAL_NANOS(Owner.CALL_SITE, "totalNanos", Presence.REQUIRED),
        MIN_NANOS(Owner.CALL_SITE, "minNanos", Presence.REQUIRED),
        MAX_NANOS(Owner.CALL_SITE, "maxNanos", Presence.REQUIRED),
        FIRST_SEEN(Owner.CALL_SITE, "firstSeen", Presence.REQUIRED),
        LAST_SEEN(Owner.CALL_SITE, "lastSeen", Presence.REQUIRED),
        STACK(Owner.CALL_SITE, "stack", Presence.REQUIRED),
        /** Extension: the tests during which the call occurred, written only when known. */
        TESTS(Owner.CALL_SITE, "tests", Presence.OPTIONAL),
        /**
         * Extension: the framework allowance that matched (a call site allowed by a curated framework policy, recorded
         * and counted but never a violation), written only then.
         */
        ALLOWED_BY(Owner.CALL_SITE, "allowedBy", Presence.OPTIONAL),
        /**
         * Extension: the calls' durations in fixed log-scale buckets ({@link DurationHistogram}), an object from a
         * bucket's upper bound in nanoseconds to its count.
         */
        HISTOGRAM(Owner.CALL_SITE, "histogram", Presence.OPTIONAL),

        CLASS_NAME(Owner.FRAME, "className", Presence.REQUIRED),
        METHOD_NAME(Owner.FRAME, "methodName", Presence.REQUIRED),
        /** Written as {@code null} when the class file names none. */
        FILE_NAME(Owner.FRAME, "fileName", Presence.OPTIONAL),
        LINE_NUMBER(Owner.FRAME, "lineNumber", Presence.REQUIRED),

        /** Required inside a loop (itself an optional extension): a loop without its thread says nothing. */
        THREAD(Owner.LOOP, "thread", Presence.REQUIRED),
        REGISTERED_AT(Owner.LOOP, "registeredAt", Presence.OPTIONAL),
        REGISTERED_NANOS(Owner.LOOP, "registeredNanos", Presence.OPTIONAL),
        BUSY_NANOS(Owner.LOOP, "busyNanos", Presence.OPTIONAL),
        /** An object from category id to nanoseconds. */
        BLOCKED_NANOS(Owner.LOOP, "blockedNanos", Presence.OPTIONAL),
        STALL_NANOS(Owner.LOOP, "stallNanos", Presence.OPTIONAL),
        /** The loop's longest recorded blocking calls and stalls, longest first. */
        LONGEST(Owner.LOOP, "longest", Presence.OPTIONAL),

        /** Every member of a stretch is required: it is an optional extension's element, useless without any. */
        STRETCH_CATEGORY(Owner.STRETCH, "category", Presence.REQUIRED),
        STRETCH_SITE(Owner.STRETCH, "site", Presence.REQUIRED),
        STRETCH_START(Owner.STRETCH, "start", Presence.REQUIRED),
        STRETCH_NANOS(Owner.STRETCH, "nanos", Presence.REQUIRED);

        final Owner owner;
        /** The member's name in the JSON text. */
        final String jsonName;
        /** The name's bytes (ASCII), matched by the streaming binder. */
        final byte[] bytes;
        final boolean required;

        Member(Owner owner, String jsonName, Presence presence) {
            this.owner = owner;
            this.jsonName = jsonName;
            this.bytes = jsonName.getBytes(StandardCharsets.ISO_8859_1);
            this.required = presence == Presence.REQUIRED;
        }

        /** This member's bit in a set of members seen. */
        long bit() {
            return 1L << ordinal();
        }
    }

    /** The members of each {@link Owner}, in the contract's order (the order the writer writes them). */
    static final Member[] ROOT = membersOf(Owner.ROOT);
    static final Member[] JVM = membersOf(Owner.JVM);
    static final Member[] CALL_SITE = membersOf(Owner.CALL_SITE);
    static final Member[] FRAME = membersOf(Owner.FRAME);
    static final Member[] LOOP = membersOf(Owner.LOOP);
    static final Member[] STRETCH = membersOf(Owner.STRETCH);

    /** The bits of the required members among {@code members}. */
    static long requiredBits(Member[] members) {
        long bits = 0;
        for (Member m : members) {
            if (m.required) {
                bits |= m.bit();
            }
        }
        return bits;
    }

    private static Member[] membersOf(Owner owner) {
        Member[] all = Member.values();
        int n = 0;
        for (Member m : all) {
            if (m.owner == owner) {
                n++;
            }
        }
        Member[] members = new Member[n];
        int i = 0;
        for (Member m : all) {
            if (m.owner == owner) {
                members[i++] = m;
            }
        }
        return members;
    }
}
