package io.loopguard.agent.record;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Frame;

/**
 * All call sites seen, bounded: beyond {@code maxSites} distinct sites new ones are not kept and their calls are
 * counted in {@code droppedCalls}; so are calls of new sites beyond {@code newSitesPerSecond} in one second (the
 * production profile's bound on the cost of a storm of never-seen stacks). Allowed sites are kept too (as a negative cache: the allow-list is evaluated once
 * per site), but never reported. Sites under a framework's published allowance ({@code FrameworkAllowances}) are
 * reported with the allowance that matched ({@code allowedBy}): recorded, never a violation.
 */
final class CallSiteTable {
    private final Map<Long, CallSiteAggregate> sites = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final int maxSites;
    private final AllowList allowList;
    private final DetailFormatter details;
    private final Recorder onNewSite;
    private final NewSiteBudget budget;

    CallSiteTable(int maxSites, AllowList allowList, DetailFormatter details, Recorder onNewSite, NewSiteBudget budget) {
        this.budget = budget;
        this.maxSites = maxSites;
        this.allowList = allowList;
        this.details = details;
        this.onNewSite = onNewSite;
    }

    /** The aggregate for this call, created on first sight; null when dropped. Allowed sites are returned too. */
    CallSiteAggregate lookup(Site site, Object context, StackTraceElement[] frames) {
        Long key = StackCapture.key(site.site(), frames);
        CallSiteAggregate aggregate = sites.get(key);
        if (aggregate != null) {
            return aggregate;
        }
        if (sites.size() >= maxSites || !budget.take()) {
            dropped.increment();
            return null;
        }
        List<Frame> stack = StackCapture.toFrames(site, frames);
        String category = site.category().id();
        String detail = details.describe(site, context);
        boolean allowed = allowList.allows(stack, site.category()) || site.family().isMachinery(site, stack)
                || allowList.allowsDetail(detail);
        String allowedBy = allowed ? null : allowList.frameworkAllowance(stack, site.category());
        aggregate = new CallSiteAggregate(CallSiteId.of(category, site.blockingMethod(), stack), category,
                site.blockingMethod(), detail, stack, allowed, allowedBy);
        CallSiteAggregate raced = sites.putIfAbsent(key, aggregate);
        if (raced != null) {
            return raced;
        }
        if (!aggregate.allowed && aggregate.allowedBy == null) {
            onNewSite.newSite(aggregate);
        }
        return aggregate;
    }

    AllowList allowList() {
        return allowList;
    }

    long droppedCalls() {
        return dropped.sum();
    }

    /**
     * Reported call sites, merged by contract id (overloads of one API from one stack are one site), most time first;
     * those a framework allowance matched carry their {@code allowedBy}.
     */
    List<CallSite> snapshot() {
        Map<String, CallSite> byId = new LinkedHashMap<>();
        for (CallSiteAggregate aggregate : sites.values()) {
            if (!aggregate.allowed && aggregate.count() > 0) {
                CallSite snapshot = aggregate.snapshot();
                CallSite known = byId.get(aggregate.id);
                byId.put(aggregate.id, known == null ? snapshot : known.mergedWith(snapshot));
            }
        }
        List<CallSite> out = new ArrayList<>(byId.values());
        out.sort(CallSite.MOST_BLOCKED_FIRST);
        return out;
    }
}
