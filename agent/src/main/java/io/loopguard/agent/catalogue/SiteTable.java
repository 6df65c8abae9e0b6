package io.loopguard.agent.catalogue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.runtime.SiteFlags;

/**
 * All sites, indexed by the number woven into code. Grows while classes load (JDBC drivers arrive late), read
 * lock-free by the recorder through a volatile array. Sites are created by the families' declarations
 * ({@link Rules}), the fixed JDK 17 ones included.
 */
public final class SiteTable {
    private volatile Site[] sites = new Site[64];
    private final Map<String, Integer> byKey = new HashMap<>();
    private int next = SiteFlags.FIRST_FREE_INDEX;

    /** The site for this category, API and flags, created once (by the first family that asks). */
    synchronized int intern(BlockingFamily family, Category category, String blockingMethod, int flags) {
        String key = category.id() + ' ' + blockingMethod + ' ' + flags;
        Integer existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        int site = (next++ << SiteFlags.INDEX_SHIFT) | flags;
        put(new Site(site, family, category, blockingMethod, null));
        byKey.put(key, site);
        return site;
    }

    /**
     * The site of a blocking call the JVM timed itself and reported through JFR ({@code monitor}, {@code pinning}),
     * interned on first sight; its blocking method is the frame that blocked.
     */
    public int timedByJvm(Category category, String blockingMethod) {
        BlockingFamily family = category == Category.PINNING ? Families.PINNING
                : category == Category.STALL ? Families.STALL : Families.MONITOR;
        return intern(family, category, blockingMethod, 0);
    }

    public Site get(int site) {
        Site[] table = sites;
        int index = SiteFlags.index(site);
        return index < table.length ? table[index] : null;
    }

    /** One of the runtime's fixed sites ({@code SiteFlags.NATIVE_*}), with the native method's own frame. */
    void fixed(int site, BlockingFamily family, String blockingMethod, String file) {
        int dot = blockingMethod.lastIndexOf('.');
        // lineNumber -2 is how StackTraceElement marks a native method
        put(new Site(site, family, family.category(), blockingMethod,
                new Frame(blockingMethod.substring(0, dot), blockingMethod.substring(dot + 1), file, -2)));
    }

    private synchronized void put(Site site) {
        int index = SiteFlags.index(site.site());
        Site[] table = sites;
        if (index >= table.length) {
            table = Arrays.copyOf(table, Math.max(index + 1, table.length * 2));
        } else {
            table = table.clone();
        }
        table[index] = site;
        sites = table;
    }
}
