package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.DatagramTarget;
import io.loopguard.format.CallSite;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: {@code DatagramSocket.connect} is a call site of its own (it used to show up as a
 * {@code DatagramChannel.receive}: the connect's internal drain of queued packets), and a receive names the peer of a
 * connected socket or the port an unconnected one is bound to, never {@code 0.0.0.0:0}.
 */
class DatagramIT {

    @Test
    void connectSendAndReceiveNameThePeerAndAnUnconnectedReceiveItsBoundPort() {
        RunResult run = AgentProcess.of(DatagramTarget.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true").containsEntry("failure", "null")
                .containsEntry("reply", "ping").containsEntry("timedOut", "true");
        String peer = "127.0.0.1:" + run.fact("echoPort");
        assertThat(run.sites()).as(run.describe()).allSatisfy(site -> {
            assertThat(site.category()).isEqualTo("socket");
            assertThat(site.blockingMethod()).startsWith("java.net.DatagramSocket.");
            assertThat(site.detail()).isNotEqualTo("0.0.0.0:0");
        });
        assertThat(run.sitesWhere(s -> s.blockingMethod().equals("java.net.DatagramSocket.connect")))
                .as(run.describe()).singleElement().extracting(CallSite::detail).isEqualTo(peer);
        assertThat(run.sitesWhere(s -> s.blockingMethod().equals("java.net.DatagramSocket.send")))
                .as(run.describe()).singleElement().extracting(CallSite::detail).isEqualTo(peer);
        // the wildcard address of an unconnected socket is 0.0.0.0 or [0:0:0:0:0:0:0:0] (an IPv6-capable host)
        assertThat(run.sitesWhere(s -> s.blockingMethod().equals("java.net.DatagramSocket.receive")))
                .as(run.describe()).extracting(CallSite::detail)
                .containsExactlyInAnyOrder(peer, wildcard(run) + ":" + run.fact("unconnectedPort"));
    }

    private static String wildcard(RunResult run) {
        return run.sites().stream().map(CallSite::detail).anyMatch(d -> d.startsWith("[")) ? "[0:0:0:0:0:0:0:0]"
                : "0.0.0.0";
    }
}
