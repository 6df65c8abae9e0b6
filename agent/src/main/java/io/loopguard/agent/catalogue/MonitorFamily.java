package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.format.Category;

/**
 * Contended {@code synchronized} entries, read from JFR's {@code jdk.JavaMonitorEnter}; the detail is the monitor's
 * class and the thread that held it. What this family owns beyond that is its machinery: the monitors a loop contends
 * on while it idles or closes, which JFR shows like any other.
 */
final class MonitorFamily extends JfrFamily {
    @Override
    public Category category() {
        return Category.MONITOR;
    }

    /**
     * A selector's own select is the loop's idle wait (declared, and woven, by {@link EventLoopFamily}); its wakeup
     * lock is only ever held for a moment by another thread waking the loop. Netty deregistering a closed channel
     * makes loops contend for a moment at shutdown. {@code ClassValue}'s first use on a class creates that class's
     * value map under one JDK-wide lock, once per class: JVM machinery like class initialisation (seen under the
     * OpenTelemetry agent, whose Netty instrumentation keeps a {@code ClassValue}, on an acceptor thread).
     */
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(
                AllowDefault.onStack("sun.nio.ch.*SelectorImpl#wakeup"),
                AllowDefault.onStack("io.netty.channel.AbstractChannel$AbstractUnsafe#deregister"),
                AllowDefault.onStack("java.lang.ClassValue#initializeMap"));
    }
}
