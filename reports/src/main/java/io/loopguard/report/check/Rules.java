package io.loopguard.report.check;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.Durations;
import java.util.Set;

/**
 * What the check tolerates. A call site <em>counts</em> when its category is checked and its total blocked time is
 * above {@code maxBlockedNanos}; the check fails when more than {@code maxSites} not-baselined sites count.
 *
 * @param maxSites        counting call sites allowed (default 0: any blocking call on an event loop fails)
 * @param maxBlockedNanos blocked time per site that is still fine; {@link #NO_LIMIT} makes every site count
 * @param categories      the categories checked; empty means all
 * @param allowDropped    true when data known to be incomplete (calls dropped at the agent's {@code maxSites} bound)
 *                        may pass; by default it fails the check
 */
public record Rules(int maxSites, long maxBlockedNanos, Set<Category> categories, boolean allowDropped) {

    /** {@code maxBlockedNanos} value meaning "every site counts, however short". */
    public static final long NO_LIMIT = -1;

    public Rules {
        if (maxSites < 0) {
            throw new IllegalArgumentException("max-sites must not be negative, is " + maxSites);
        }
        categories = Set.copyOf(categories);
    }

    /** Rules under which dropped calls fail the check (the default). */
    public Rules(int maxSites, long maxBlockedNanos, Set<Category> categories) {
        this(maxSites, maxBlockedNanos, categories, false);
    }

    /** These rules, with dropped calls allowed or not. */
    public Rules withAllowDropped(boolean allow) {
        return new Rules(maxSites, maxBlockedNanos, categories, allow);
    }

    /** The defaults: no blocking call site at all. */
    public static Rules strict() {
        return new Rules(0, NO_LIMIT, Set.of());
    }

    /** True when the site's category is checked. */
    public boolean checks(CallSite site) {
        return categories.isEmpty() || categories.contains(Category.fromId(site.category()));
    }

    /** True when the site blocked long enough to count. */
    public boolean exceedsBlockedTime(CallSite site) {
        return maxBlockedNanos == NO_LIMIT || site.totalNanos() > maxBlockedNanos;
    }

    /** A one-line description for reports, e.g. {@code max-sites 0, all categories}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("max-sites ").append(maxSites);
        if (maxBlockedNanos != NO_LIMIT) {
            sb.append(", max-blocked ").append(Durations.format(maxBlockedNanos)).append(" per site");
        }
        sb.append(categories.isEmpty() ? ", all categories" : ", categories " + categories.stream()
                .map(Category::id).sorted().reduce((a, b) -> a + ":" + b).orElse(""));
        if (allowDropped) {
            sb.append(", dropped calls allowed");
        }
        return sb.toString();
    }
}
