package io.loopguard.report.sarif;

import io.loopguard.format.Category;
import java.util.Map;

/** Names and descriptions of the SARIF rules, one per category (the wording of the contract's category table). */
final class RuleTexts {

    private static final Map<Category, String[]> TEXTS = Map.ofEntries(
            Map.entry(Category.SLEEP, new String[] {"SleepOnEventLoop", "Thread.sleep, TimeUnit.sleep or Thread.yield"}),
            Map.entry(Category.WAIT, new String[] {"WaitOnEventLoop", "Object.wait or Thread.join"}),
            Map.entry(Category.LOCK, new String[] {"LockOnEventLoop", "a blocking java.util.concurrent synchronizer (lock, semaphore, latch, barrier, queue)"}),
            Map.entry(Category.FUTURE, new String[] {"FutureGetOnEventLoop", "Future.get or CompletableFuture.get/join on an incomplete future"}),
            Map.entry(Category.PARK, new String[] {"ParkOnEventLoop", "LockSupport.park"}),
            Map.entry(Category.FILE, new String[] {"FileIoOnEventLoop", "file-system I/O"}),
            Map.entry(Category.SOCKET, new String[] {"BlockingSocketOnEventLoop", "blocking socket or HTTP I/O"}),
            Map.entry(Category.DNS, new String[] {"DnsLookupOnEventLoop", "a blocking DNS lookup (InetAddress)"}),
            Map.entry(Category.JDBC, new String[] {"JdbcOnEventLoop", "a JDBC statement, commit, rollback or connection"}),
            Map.entry(Category.PROCESS, new String[] {"ProcessOnEventLoop", "Process.waitFor or ProcessBuilder.start"}),
            Map.entry(Category.MONITOR, new String[] {"ContendedMonitorOnEventLoop", "a contended synchronized entry"}),
            Map.entry(Category.PINNING, new String[] {"PinnedVirtualThread", "a virtual thread blocking while pinned to its carrier"}),
            Map.entry(Category.STALL, new String[] {"EventLoopStall", "a task that kept the event loop busy longer than the stall limit"}));

    private RuleTexts() {
    }

    static String ruleId(Category category) {
        return "loopguard/" + category.id();
    }

    static String name(Category category) {
        return TEXTS.get(category)[0];
    }

    static String shortDescription(Category category) {
        return category == Category.STALL ? "Stall of an event-loop thread"
                : "Blocking " + category.id() + " call on an event-loop thread";
    }

    static String fullDescription(Category category) {
        if (category == Category.STALL) {
            return "An event-loop thread was kept busy, with no blocking call, longer than the stall limit (a CPU hog "
                    + "such as a password hash, a backtracking regex or a huge body parsed on the loop). Meanwhile every "
                    + "other connection and task served by that loop waits.";
        }
        return "An event-loop thread called " + TEXTS.get(category)[1] + ". While it blocks, every other connection "
                + "and task served by that loop waits.";
    }

    static String helpMarkdown(Category category) {
        if (category == Category.STALL) {
            return fullDescription(category) + "\n\nThe stack starts where the busy code was entered (a library's "
                    + "entry point such as a hash function, or the application's own method that ran the loop), the "
                    + "application's frames below; the site's detail names the frame sampled most often inside it. "
                    + "Move the work off the loop (e.g. `executeBlocking`, `publishOn(Schedulers.parallel())` on a "
                    + "scheduler that is not serving I/O, a worker pool) or make it cheaper.";
        }
        return "An event-loop thread called " + TEXTS.get(category)[1] + ".\n\n"
                + "Event loops (Netty, Vert.x, Reactor) serve many connections from few threads; a blocking call "
                + "stalls all of them. Move the call off the loop (e.g. `executeBlocking`, `publishOn("
                + "Schedulers.boundedElastic())`, a worker pool) or use a non-blocking API.";
    }
}
