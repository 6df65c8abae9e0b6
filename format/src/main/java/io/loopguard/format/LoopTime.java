package io.loopguard.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How one registered event-loop thread spent its time (an element of the data file's optional {@code loops}, a
 * compatible extension of the contract). Busy is every moment the thread was not inside one of its loop's own idle
 * waits (selector {@code select}, task-queue wait, an executor's {@code getTask}); a thread registered by name or API
 * is busy from its registration until its first idle wait. Blocking calls and stalls happen while busy, so
 * {@code busyNanos} is at least their sum, and the rest ({@link #otherNanos()}) is the loop's ordinary work.
 *
 * @param thread          the thread's name
 * @param registeredAt    when it was registered, {@code null} when unknown
 * @param registeredNanos how long it was registered (until it ended, was unregistered, or the file was written)
 * @param busyNanos       time busy during that
 * @param blockedNanos    time in recorded blocking calls, by {@link Category#id()} (no {@code stall}: those are
 *                        {@code stallNanos}); categories without time are absent
 * @param stallNanos      time in recorded stalls
 * @param longest         the longest recorded blocking calls and stalls on it, at most
 *                        {@link BlockedStretch#MAX_PER_LOOP}, longest first (empty when unknown)
 */
public record LoopTime(String thread, Instant registeredAt, long registeredNanos, long busyNanos,
                       Map<String, Long> blockedNanos, long stallNanos, List<BlockedStretch> longest) {

    public LoopTime {
        Objects.requireNonNull(thread, "thread");
        blockedNanos = blockedNanos == null ? Map.of() : Map.copyOf(blockedNanos);
        longest = longest == null ? List.of() : List.copyOf(longest);
    }

    /** A loop without its longest stretches. */
    public LoopTime(String thread, Instant registeredAt, long registeredNanos, long busyNanos,
                    Map<String, Long> blockedNanos, long stallNanos) {
        this(thread, registeredAt, registeredNanos, busyNanos, blockedNanos, stallNanos, List.of());
    }

    /** Time in recorded blocking calls, all categories. */
    public long blockedTotal() {
        long sum = 0;
        for (long nanos : blockedNanos.values()) {
            sum += nanos;
        }
        return sum;
    }

    /**
     * Busy time that was neither a recorded blocking call nor a stall, never negative (the parts are measured by
     * different clocks and threads, so their sum may come out a little above {@code busyNanos}).
     */
    public long otherNanos() {
        return Math.max(0, busyNanos - blockedTotal() - stallNanos);
    }

    /** {@link #blockedNanos} in the order of {@link Category}, as the writer writes them. */
    public Map<Category, Long> blockedByCategory() {
        Map<Category, Long> ordered = new TreeMap<>();
        for (Map.Entry<String, Long> entry : blockedNanos.entrySet()) {
            ordered.put(Category.fromId(entry.getKey()), entry.getValue());
        }
        return ordered;
    }

    /**
     * The two loops as one: the times added up, the earlier registration, the longest stretches of both (same thread
     * name in two runs).
     */
    public LoopTime plus(LoopTime other) {
        Map<String, Long> blocked = new TreeMap<>(blockedNanos);
        for (Map.Entry<String, Long> entry : other.blockedNanos.entrySet()) { // no lambda: runs on the agent's exit path
            Long known = blocked.get(entry.getKey());
            blocked.put(entry.getKey(), known == null ? entry.getValue() : known + entry.getValue());
        }
        Instant at = registeredAt == null ? other.registeredAt
                : other.registeredAt == null || registeredAt.isBefore(other.registeredAt) ? registeredAt
                : other.registeredAt;
        return new LoopTime(thread, at, registeredNanos + other.registeredNanos, busyNanos + other.busyNanos, blocked,
                stallNanos + other.stallNanos, longestOf(longest, other.longest));
    }

    /** The longest {@link BlockedStretch#MAX_PER_LOOP} of both lists, longest first. */
    public static List<BlockedStretch> longestOf(List<BlockedStretch> a, List<BlockedStretch> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<BlockedStretch> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(BlockedStretch.LONGEST_FIRST);
        return all.size() > BlockedStretch.MAX_PER_LOOP ? all.subList(0, BlockedStretch.MAX_PER_LOOP) : all;
    }
}
