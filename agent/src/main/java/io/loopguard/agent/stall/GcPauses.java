package io.loopguard.agent.stall;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Milliseconds the JVM spent in stop-the-world collections so far: a busy stretch that is long only because the
 * whole JVM was paused is not a stall of the application. The collectors whose beans time concurrent work (G1's
 * {@code G1 Concurrent GC}, ZGC's and Shenandoah's {@code Cycles}) are left out: their time does not stop the loop.
 */
final class GcPauses {
    private final List<GarbageCollectorMXBean> pausing = new ArrayList<>();

    GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = bean.getName();
            if (!name.contains("Concurrent") && !name.contains("Cycles")) {
                pausing.add(bean);
            }
        }
    }

    long totalMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : pausing) {
            long time = bean.getCollectionTime();
            if (time > 0) {
                total += time;
            }
        }
        return total;
    }
}
