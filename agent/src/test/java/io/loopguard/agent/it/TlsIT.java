package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.ItEnv;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.TlsTarget;
import io.loopguard.format.CallSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: allowed by policy is not unseen. A real Netty TLS server (JDK provider, a self-signed certificate made here
 * with {@code keytool}) handshakes six clients on its event loop: what the handshake blocks on is Netty's published
 * allowance, recorded as allowed (the data file's {@code allowedBy}, counted, not in the summary's count), while the
 * planted sleep is an ordinary call site and the sleep in a method of the user's {@code allow} option is dropped.
 */
class TlsIT {

    @Test
    void tlsHandshakesAreRecordedAsAllowedByNettyAndTheUsersAllowStillDrops() throws Exception {
        Path keystore = selfSignedCertificate();
        RunResult run = AgentProcess.of(TlsTarget.class).args(keystore.toString())
                .option("allow=" + TlsTarget.class.getName() + "#userAllowedSleep").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true").containsEntry("traffic", "ok");
        List<CallSite> planted = run.sitesIn(TlsTarget.class, "plantedSleep");
        assertThat(planted).as(run.describe()).singleElement()
                .satisfies(site -> assertThat(site.allowedBy()).isNull());
        assertThat(run.sitesIn(TlsTarget.class, "userAllowedSleep")).as("the user's allow drops").isEmpty();
        List<CallSite> allowed = run.sitesWhere(CallSite::isAllowed);
        assertThat(allowed).as("the handshakes' blocking calls, allowed by Netty\n%s", run.describe()).isNotEmpty()
                .allSatisfy(site -> {
                    assertThat(site.allowedBy()).startsWith("netty: ");
                    assertThat(site.threads()).allSatisfy(t -> assertThat(t).startsWith("tls-loop-"));
                });
        assertThat(allowed).as(run.describe()).anySatisfy(site -> {
            assertThat(site.category()).isEqualTo("file");
            assertThat(site.detail()).isEqualTo("/dev/urandom");
        });
        assertThat(run.sitesWhere(s -> !s.isAllowed() && !planted.contains(s))).as("nothing else\n%s", run.describe())
                .isEmpty();
        assertThat(run.stderr()).contains("[loopguard] 1 blocking call site on event-loop threads (1 call,")
                .contains(" more allowed by framework policy");
        assertThat(Files.readString(run.runDir().resolve("out/index.html"))).contains("\"allowedBy\":\"netty: ");
    }

    /** A PKCS12 keystore with a fresh self-signed EC certificate for localhost, made by the target JDK's keytool. */
    static Path selfSignedCertificate() throws Exception {
        Path dir = ItEnv.newRunDir("tls-keystore");
        Files.createDirectories(dir);
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(ItEnv.javaHome().resolve("bin/keytool").toString(), "-genkeypair",
                "-alias", "loopguard", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(120, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return keystore;
    }
}
