package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.ItEnv;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.NettyTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Frame;
import io.loopguard.report.model.StackFrames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A library upgrade does not move a call site: the same Netty echo server with its planted sleep, run on Netty
 * 4.1.115 (the test class path) and on 4.1.119 (target/netty-upgrade), whose own frames on the stack are at other
 * lines, records the sleep under the same call-site id, and the SARIF fingerprint of its location
 * ({@link CallSiteId#ofLocation} at the frame the reports point at) is the same too: baselines, JUnit history and
 * code-scanning alerts follow it across the upgrade. The targets live under {@code io.loopguard.}, which the default
 * lists count as loopguard's own (library) code, so the runs say what a user's build says with its packages:
 * {@code appPackages} (the Maven plugin sets it from the module's source packages).
 */
class NettyUpgradeIT {
    private static final String APP = "appPackages=io.loopguard.agent.it.targets";

    @Test
    void theSameCallSiteKeepsItsIdAndFingerprintAcrossANettyUpgrade() {
        RunResult before = AgentProcess.of(NettyTarget.class).option(APP).name("NettyBefore").run();
        RunResult after = AgentProcess.of(NettyTarget.class).classPath(ItEnv.targetClassPathWithUpgradedNetty())
                .option(APP).name("NettyAfter").run();
        assertThat(before.fact("netty")).isEqualTo("4.1.115.Final");
        assertThat(after.fact("netty")).as(after.describe()).isEqualTo("4.1.119.Final");
        CallSite old = planted(before);
        CallSite upgraded = planted(after);

        List<String> oldNetty = nettyFrames(old);
        List<String> newNetty = nettyFrames(upgraded);
        assertThat(newNetty).as("Netty's own frames on the stack changed with the upgrade").isNotEqualTo(oldNetty);
        assertThat(upgraded.id()).as("the call site's id\n%s\n%s", old.stack(), upgraded.stack()).isEqualTo(old.id());
        assertThat(fingerprint(upgraded)).as("the SARIF fingerprint").isEqualTo(fingerprint(old));
    }

    private static CallSite planted(RunResult run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("traffic")).as(run.describe()).isEqualTo("ok");
        List<CallSite> planted = run.sitesIn(NettyTarget.class, "plantedSleep");
        assertThat(planted).as(run.describe()).hasSize(1);
        return planted.get(0);
    }

    /** Netty's frames, with their lines: what the upgrade changes. */
    private static List<String> nettyFrames(CallSite site) {
        return site.stack().stream().filter(f -> f.className().startsWith("io.netty."))
                .map(f -> f.className() + "." + f.methodName() + ":" + f.lineNumber()).toList();
    }

    private static String fingerprint(CallSite site) {
        Frame location = site.stack().get(StackFrames.primaryFrameIndex(site));
        return CallSiteId.ofLocation(site.category(), site.blockingMethod(), location);
    }
}
