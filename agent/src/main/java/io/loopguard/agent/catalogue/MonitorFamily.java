package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.format.Category;

/**
 * Contended {@code synchronized} entries. Nothing is woven: a monitor entry is no method call, and the JVM times the
 * contended ones itself; the agent reads them from JFR ({@code io.loopguard.agent.jfr.JfrSource}) and records them
 * through the same site table, allow-list and recorder as woven calls. What this family owns is its machinery: the
 * monitors a loop contends on while it idles or closes, which JFR shows like any other.
 */
final class MonitorFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.MONITOR;
    }

    @Override
    public void declare(Rules rules) {
        // nothing to weave: see the class comment
    }

    /** The JFR reader already wrote the detail (the monitor's class and the thread that held it). */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        return context instanceof String ? (String) context : null;
    }

    /**
     * A selector's own select is the loop's idle wait; its wakeup lock is only ever held for a moment by another
     * thread waking the loop. Netty deregistering a closed channel makes loops contend for a moment at shutdown.
     */
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(
                AllowDefault.onStack("sun.nio.ch.SelectorImpl#lockAndDoSelect"),
                AllowDefault.onStack("sun.nio.ch.*SelectorImpl#wakeup"),
                AllowDefault.onStack("io.netty.channel.AbstractChannel$AbstractUnsafe#deregister"));
    }
}
