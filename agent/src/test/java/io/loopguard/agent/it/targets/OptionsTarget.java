package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.Expect;
import io.loopguard.agent.it.support.Scenario;
import io.loopguard.agent.it.support.ScenarioRunner;
import io.loopguard.agent.it.support.TargetIO;
import io.loopguard.agent.it.targets.allowed.AllowedPackageHelper;

/**
 * Options that filter what is recorded. First argument selects the part:
 * <ul>
 *   <li>{@code filters} — scenarios, run with {@code threshold=50ms} and {@code allow=} one entry of each form
 *       ({@code OptionsTarget#allowedByMethod}, {@code OptionsTarget$AllowedClass},
 *       {@code io.loopguard.agent.it.targets.allowed.*});</li>
 *   <li>{@code layering} — threads {@code sys-1}, {@code env-1}, {@code arg-1}, each a 30 ms and a 10 ms sleep;</li>
 *   <li>{@code maxSites} — five distinct sleep sites, each called twice, on one registered thread;</li>
 *   <li>{@code enabled} — reports {@code isActive} and sleeps on a registered thread.</li>
 * </ul>
 */
public final class OptionsTarget {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "filters":
                ScenarioRunner.runAll(OptionsTarget.class);
                break;
            case "layering":
                for (String name : new String[] {"sys-1", "env-1", "arg-1"}) {
                    TargetIO.runOn(name, false, () -> {
                        layerLongSleep();
                        layerShortSleep();
                    });
                }
                break;
            case "maxSites":
                Throwable failure = TargetIO.runOn("bounded-loop", true, () -> {
                    for (int i = 0; i < 2; i++) {
                        site1();
                        site2();
                        site3();
                        site4();
                        site5();
                    }
                });
                fact("failure", failure);
                break;
            case "enabled":
                fact("isActive", LoopGuard.isActive());
                TargetIO.runOn("loop-enabled", true, () -> Thread.sleep(20));
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
        fact("done", "true");
    }

    // ---------------------------------------------------------------- threshold=50ms

    @Scenario
    static void shortSleepUnderThreshold() throws Exception {
        Thread.sleep(2); // far below the 50 ms threshold even on a loaded 2-core machine
    }

    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.sleep", minMillis = 100)
    static void longSleepOverThreshold() throws Exception {
        Thread.sleep(100);
    }

    // ---------------------------------------------------------------- allow

    /** Allowed as {@code io.loopguard.agent.it.targets.OptionsTarget#allowedByMethod}. */
    @Scenario
    static void allowedByMethod() throws Exception {
        Thread.sleep(60);
    }

    /** Its helper class is allowed as {@code io.loopguard.agent.it.targets.OptionsTarget$AllowedClass}. */
    @Scenario
    static void allowedByClass() throws Exception {
        AllowedClass.nap(60);
    }

    /** Its helper is in the allowed package {@code io.loopguard.agent.it.targets.allowed.*}. */
    @Scenario
    static void allowedByPackage() throws Exception {
        AllowedPackageHelper.nap(60);
    }

    /** Control: the same 60 ms sleep through a helper that is not allowed. */
    @Scenario
    @Expect(category = "sleep", method = "java.lang.Thread.sleep", minMillis = 60)
    static void notAllowed() throws Exception {
        NotAllowedClass.nap(60);
    }

    static final class AllowedClass {
        static void nap(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }

    static final class NotAllowedClass {
        static void nap(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }

    // ---------------------------------------------------------------- layering / maxSites

    static void layerLongSleep() throws InterruptedException {
        Thread.sleep(120);
    }

    static void layerShortSleep() throws InterruptedException {
        Thread.sleep(2);
    }

    static void site1() throws InterruptedException {
        Thread.sleep(2);
    }

    static void site2() throws InterruptedException {
        Thread.sleep(2);
    }

    static void site3() throws InterruptedException {
        Thread.sleep(2);
    }

    static void site4() throws InterruptedException {
        Thread.sleep(2);
    }

    static void site5() throws InterruptedException {
        Thread.sleep(2);
    }

    private OptionsTarget() {
    }
}
