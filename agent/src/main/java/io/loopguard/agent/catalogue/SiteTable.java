package io.loopguard.agent.catalogue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.runtime.SiteFlags;

/**
 * All sites, indexed by the number woven into code. Grows while classes load (JDBC drivers arrive late), read
 * lock-free by the recorder through a volatile array.
 */
public final class SiteTable {
    private volatile Site[] sites = new Site[64];
    private final Map<String, Integer> byKey = new HashMap<>();
    private int next = SiteFlags.FIRST_FREE_INDEX;

    public SiteTable() {
        fixed(SiteFlags.NATIVE_SLEEP, Category.SLEEP, "java.lang.Thread.sleep", "Thread.java", "sleep");
        fixed(SiteFlags.NATIVE_WAIT, Category.WAIT, "java.lang.Object.wait", "Object.java", "wait");
        fixed(SiteFlags.NATIVE_YIELD, Category.SLEEP, "java.lang.Thread.yield", "Thread.java", "yield");
    }

    /** The site for this category, API and flags, created once. */
    public synchronized int intern(Category category, String blockingMethod, int flags) {
        String key = category.id() + ' ' + blockingMethod + ' ' + flags;
        Integer existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        int site = (next++ << SiteFlags.INDEX_SHIFT) | flags;
        put(new Site(site, category, blockingMethod, null));
        byKey.put(key, site);
        return site;
    }

    public Site get(int site) {
        Site[] table = sites;
        int index = SiteFlags.index(site);
        return index < table.length ? table[index] : null;
    }

    private void fixed(int site, Category category, String blockingMethod, String file, String method) {
        String className = blockingMethod.substring(0, blockingMethod.lastIndexOf('.'));
        // lineNumber -2 is how StackTraceElement marks a native method
        put(new Site(site, category, blockingMethod, new Frame(className, method, file, -2)));
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
