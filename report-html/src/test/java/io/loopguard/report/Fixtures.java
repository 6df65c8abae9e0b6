package io.loopguard.report;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.Frame;
import io.loopguard.format.JvmInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Call sites and data files for the report tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** Every payload here calls window.__pwned = 1 if the report ever lets it run. */
    public static final String XSS = "<script>window.__pwned=1</script>\"'><img src=x onerror=\"window.__pwned=1\">"
            + "</textarea><svg onload=window.__pwned=1></script><script>window.__pwned=1</script>&amp;\u2028\u2029";

    private Fixtures() {
    }

    public static JvmInfo jvm(long pid) {
        return new JvmInfo(pid, "17.0.15", "demo.Main --drive", T0, T0.plusSeconds(9));
    }

    public static Frame app(String cls, String method, int line) {
        return new Frame(cls, method, cls.substring(cls.lastIndexOf('.') + 1) + ".java", line);
    }

    /** A site: blocking frame, a JDK frame, the given application frame, a Netty frame, Thread.run. */
    public static CallSite site(Category category, String method, String detail, Frame appFrame, long count,
                                long total, String thread) {
        List<Frame> stack = List.of(
                new Frame(method.substring(0, method.lastIndexOf('.')), method.substring(method.lastIndexOf('.') + 1),
                        "Blocking.java", 100),
                new Frame("java.util.concurrent.CompletableFuture", "uniApply", "CompletableFuture.java", 646),
                appFrame,
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569),
                new Frame("java.lang.Thread", "run", "Thread.java", 840));
        return new CallSite(CallSiteId.of(category.id(), method, stack), category.id(), method, detail,
                List.of(thread), count, total, total / Math.max(count, 1) / 2, total / Math.max(count, 1) * 2,
                T0.plusSeconds(1), T0.plusSeconds(8), stack);
    }

    public static DataFile file(long pid, List<CallSite> sites) {
        return new DataFile(DataFile.FORMAT, jvm(pid), sites, 0, List.of("vert.x-eventloop-thread-0"));
    }

    /** {@code n} sites over all categories with varied counts and times; deterministic. */
    public static List<CallSite> many(int n) {
        List<CallSite> sites = new ArrayList<>();
        Category[] categories = Category.values();
        for (int i = 0; i < n; i++) {
            Category c = categories[i % categories.length];
            sites.add(site(c, "java.api.Blocking" + (i % 7) + ".call" + c.id(), i % 3 == 0 ? null : "/data/file-" + i,
                    app("demo.handlers.Handler" + (i % 11), "handle" + (i % 5), 10 + i), 1 + (i * 7L) % 50,
                    1_000_000L + (i * 7919L) % 100 * 1_000_000L, "vert.x-eventloop-thread-" + (i % 4)));
        }
        return sites;
    }

    /** One site whose every string carries {@link #XSS}. */
    public static DataFile xss() {
        Frame nasty = new Frame("demo." + XSS, XSS, XSS + ".java", 7);
        List<Frame> stack = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", 1), nasty);
        CallSite site = new CallSite(XSS, "sleep", XSS, XSS, List.of(XSS), 1, 5_000_000, 5_000_000, 5_000_000,
                T0, T0, stack);
        return new DataFile(DataFile.FORMAT, new JvmInfo(666, XSS, XSS, T0, T0), List.of(site), 0, List.of(XSS));
    }
}
