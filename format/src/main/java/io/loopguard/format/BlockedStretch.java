package io.loopguard.format;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One of the longest stretches in which a loop thread was blocked by a recorded call or stalled (an element of a
 * loop's optional {@code longest}), with its start, so that a user can line it up with a latency spike.
 *
 * @param category a {@link Category#id()}; {@code stall} for a stall
 * @param site     the {@link CallSite#id()} of the call site it belongs to (in the same file)
 * @param start    when it started (millisecond precision)
 * @param nanos    how long it lasted
 */
public record BlockedStretch(String category, String site, Instant start, long nanos) {

    /** How many stretches a loop keeps: the longest ones. */
    public static final int MAX_PER_LOOP = 10;

    /**
     * Longest first, then earliest, then by site: a named class, not a lambda (the agent's exit path, see
     * {@link CallSite#MOST_BLOCKED_FIRST}).
     */
    public static final Comparator<BlockedStretch> LONGEST_FIRST = new Comparator<BlockedStretch>() {
        @Override
        public int compare(BlockedStretch a, BlockedStretch b) {
            int byLength = Long.compare(b.nanos, a.nanos);
            if (byLength != 0) {
                return byLength;
            }
            int byStart = a.start.compareTo(b.start);
            return byStart != 0 ? byStart : a.site.compareTo(b.site);
        }
    };

    public BlockedStretch {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(start, "start");
    }
}
