package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.GcChurnTarget;
import io.loopguard.agent.it.targets.NettyStallTarget;
import io.loopguard.agent.it.targets.ReactorStallTarget;
import io.loopguard.agent.it.targets.StallTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.LoopTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stalls, at the default limit (100 ms): a password hash (jBCrypt) in a real Vert.x, Netty or Reactor handler is one
 * {@code stall} on the loop thread, in {@code BCrypt.hashpw} (where the handler entered the hash) with the handler
 * below, at least as long as the hash;
 * the same server cold-started and serving a few hundred fast requests, or left idle, has none; allocation churn on a
 * worker with a small heap (many collections) makes none on an idle loop; a thread registered through the API that
 * spins for 300 ms of CPU is one stall.
 */
class StallIT {

    /** The three servers: the target, the prefix of its loop threads' names. */
    enum Server {
        VERTX(StallTarget.class, "vert.x-eventloop-thread-"),
        NETTY(NettyStallTarget.class, "nioEventLoopGroup-"),
        REACTOR(ReactorStallTarget.class, "parallel-");

        final Class<?> target;
        final String loopPrefix;

        Server(Class<?> target, String loopPrefix) {
            this.target = target;
            this.loopPrefix = loopPrefix;
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void passwordHashInHandlerIsOneStallOnTheLoop(Server server) {
        RunResult run = AgentProcess.of(server.target).args("hog").name("StallHog-" + server).run();
        assertRan(run);
        List<CallSite> stalls = stalls(run);
        assertThat(stalls).as(run.describe()).hasSize(1);
        CallSite stall = stalls.get(0);
        assertThat(stall.threads()).as(run.describe()).allSatisfy(t -> assertThat(t).startsWith(server.loopPrefix));
        // The site starts where the handler entered the hash, whichever of bcrypt's methods the samples caught.
        assertThat(stall.blockingMethod()).as(run.describe()).isEqualTo("org.mindrot.jbcrypt.BCrypt.hashpw");
        assertThat(stall.stack().get(0).methodName()).isEqualTo("hashpw");
        assertThat(stall.detail()).as("the busiest frame").startsWith("org.mindrot.jbcrypt.BCrypt.");
        assertThat(stall.stack()).as("the handler's frame below").anySatisfy(f -> {
            assertThat(f.className()).isEqualTo(server.target.getName());
            assertThat(f.methodName()).isEqualTo("hashOnLoop");
        });
        long hogWall = Long.parseLong(run.fact("hogNanos"));
        long hogCpu = Long.parseLong(run.fact("hogCpuNanos"));
        assertThat(hogCpu).as("the hash really ran past the limit").isGreaterThan(100_000_000L);
        assertThat(stall.count()).isEqualTo(1);
        // A stall leaves out stop-the-world pauses, so on a loaded machine the hash's wall time may exceed it by a
        // pause; its CPU time cannot (a paused thread burns none). 1 % for the CPU clock's granularity.
        assertThat(stall.maxNanos()).as("the stall lasts at least the hash's CPU time (wall %d ns)\n%s", hogWall,
                run.describe()).isGreaterThanOrEqualTo(hogCpu - hogCpu / 100);
        // Nothing of the hash is reported as anything but the stall. (Other sites may be real: on a loaded machine
        // Reactor's scheduler contends for its own monitors between loops, e.g. ListCompositeDisposable.dispose.)
        assertThat(run.sitesWhere(s -> !s.category().equals("stall")
                && RunResult.hasFrame(s, server.target, "hashOnLoop")))
                .as(run.describe()).isEmpty();
        LoopTime loop = run.data().loops().stream().filter(l -> l.thread().equals(stall.threads().get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no loop time for the stalled loop\n" + run.describe()));
        assertThat(loop.stallNanos()).as("the loop's stall time").isEqualTo(stall.totalNanos());
        assertThat(loop.busyNanos()).as("busy during the stall").isGreaterThanOrEqualTo(stall.totalNanos());
    }

    /**
     * The same hash in the same handler is the same call site in the next run: its id is made of neither the
     * sample's lines nor the name the JVM gave the handler lambda's class ({@code StallTarget$$Lambda$N/0x…}, which a
     * sampled stack shows on JDK 17 and which differs from run to run).
     */
    @Test
    void aStallKeepsItsIdFromRunToRun() {
        RunResult first = AgentProcess.of(StallTarget.class).args("hog").name("StallHogAgain1").run();
        RunResult second = AgentProcess.of(StallTarget.class).args("hog").name("StallHogAgain2").run();
        assertRan(first);
        assertRan(second);
        assertThat(stalls(first)).as(first.describe()).hasSize(1);
        assertThat(stalls(second)).as(second.describe()).hasSize(1);
        CallSite a = stalls(first).get(0);
        CallSite b = stalls(second).get(0);
        if (Runtime.Version.parse(first.data().jvm().javaVersion()).feature() < 21) {
            // JDK 17 shows the lambda's spun class in a sampled stack (a thread dump); JDK 25 leaves it out, as a
            // throwable's stack does on both
            assertThat(a.stack()).as("the handler lambda's class is on the sampled stack%n%s", first.describe())
                    .anySatisfy(f -> assertThat(f.className()).contains("$$Lambda"));
        }
        assertThat(b.id()).as("%s%n%s", first.describe(), second.describe()).isEqualTo(a.id());
    }

    /** {@code mode=log}: one line for the new stall site, naming where the hash was entered and its busiest frame. */
    @Test
    void logModePrintsTheStallOnceWithItsBusiestFrame() {
        RunResult run = AgentProcess.of(StallTarget.class).args("hog").option("mode=log").name("StallHogLog").run();
        assertRan(run);
        assertThat(stalls(run)).as(run.describe()).hasSize(1);
        List<String> lines = run.stderr().lines().filter(l -> l.contains("stall in")).toList();
        assertThat(lines).as(run.describe()).singleElement().asString()
                .startsWith("[loopguard] stall in org.mindrot.jbcrypt.BCrypt.hashpw on vert.x-eventloop-thread-")
                .contains("(busiest frame: org.mindrot.jbcrypt.BCrypt.")
                .contains(" at org.mindrot.jbcrypt.BCrypt.hashpw(BCrypt.java:");
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void coldServerServingFastRequestsHasNoStall(Server server) {
        RunResult run = AgentProcess.of(server.target).args("fast").name("StallFast-" + server).run();
        assertRan(run);
        assertThat(run.sitesWhere(s -> !frameworkMonitor(s))).as(run.describe()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void idleLoopsHaveNoStall(Server server) {
        RunResult run = AgentProcess.of(server.target).args("idle").name("StallIdle-" + server).run();
        assertRan(run);
        assertThat(run.sitesWhere(s -> !frameworkMonitor(s))).as(run.describe()).isEmpty();
    }

    @Test
    void allocationChurnWithASmallHeapIsNoStallOnAnIdleLoop() {
        RunResult run = AgentProcess.of(GcChurnTarget.class).jvmArg("-Xmx64m").name("StallGcChurn").run();
        assertRan(run);
        assertThat(Long.parseLong(run.fact("collections"))).as("many collections\n%s", run.describe())
                .isGreaterThanOrEqualTo(20);
        assertThat(Long.parseLong(run.fact("ticks"))).as("the loop ran its timer").isPositive();
        assertThat(run.sites()).as(run.describe()).isEmpty();
    }

    @Test
    void registeredThreadSpinningIsOneStall() {
        RunResult run = AgentProcess.of(StallTarget.class).args("spin").name("StallSpin").run();
        assertRan(run);
        assertThat(run.fact("spin.failure")).isEqualTo("null");
        List<CallSite> stalls = stalls(run);
        assertThat(stalls).as(run.describe()).hasSize(1);
        CallSite stall = stalls.get(0);
        assertThat(stall.threads()).containsExactly("spinner");
        assertThat(stall.count()).isEqualTo(1);
        // The spinning code is entered at the lowest frame of its class (the lambda that calls spin); what the
        // samples caught on top most often is the stall's detail: spin itself, or the JDK's CPU clock it reads.
        assertThat(stall.stack().get(0).className()).as(run.describe()).isEqualTo(StallTarget.class.getName());
        assertThat(stall.stack().get(0).methodName()).startsWith("lambda$spinOnRegisteredThread$");
        assertThat(stall.detail()).as(run.describe()).containsAnyOf(StallTarget.class.getName() + ".spin(",
                "CpuTime");
        assertThat(stall.maxNanos()).as(run.describe()).isGreaterThanOrEqualTo(250_000_000L);
    }

    @Test
    void stallZeroTurnsItOff() {
        RunResult run = AgentProcess.of(StallTarget.class).args("spin").option("stall=0").name("StallOff").run();
        assertRan(run);
        assertThat(run.sites()).as(run.describe()).isEmpty();
    }

    /**
     * A contended monitor inside the server framework's own code (Reactor's scheduler bookkeeping between its loops):
     * real, reported as it should be, and out of these scenarios' control, since it only shows when a loaded machine
     * deschedules the loop that holds the monitor. Stalls and blocking calls are never excused by this.
     */
    private static boolean frameworkMonitor(CallSite site) {
        return site.category().equals("monitor") && !site.stack().get(0).className().startsWith("io.loopguard.");
    }

    private static List<CallSite> stalls(RunResult run) {
        return run.sitesWhere(s -> s.category().equals("stall"));
    }

    private static void assertRan(RunResult run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true");
        String traffic = run.facts().get("traffic");
        assertThat(traffic == null ? "" : traffic).as("client traffic").doesNotContain("Exception");
    }
}
