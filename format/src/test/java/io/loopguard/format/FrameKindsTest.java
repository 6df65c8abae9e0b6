package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which frames are the application's: the JDK and known libraries are not, unless a package is declared the app's. */
class FrameKindsTest {

    @AfterEach
    void reset() {
        Frame.applicationPackages(List.of());
    }

    private static Frame frame(String cls) {
        return new Frame(cls, "m", "F.java", 1);
    }

    @Test
    void jdkLibrariesAndAgentsAreNotTheApplication() {
        assertThat(frame("java.lang.Thread").isApplication()).isFalse();
        assertThat(frame("io.netty.channel.nio.NioEventLoop").isLibrary()).isTrue();
        assertThat(frame("io.opentelemetry.javaagent.instrumentation.netty.Wrapper").isLibrary()).isTrue();
        assertThat(frame("co.elastic.apm.agent.Foo").isLibrary()).isTrue();
        assertThat(frame("io.loopguard.agent.record.Recorder").isLibrary()).isTrue();
        assertThat(frame("io.loopguard.demo.http.UserEndpoints").isApplication()).as("the demo is an application")
                .isTrue();
        assertThat(frame("com.acme.Handler").isApplication()).isTrue();
    }

    @Test
    void declaredApplicationPackagesWinOverTheLibraryList() {
        assertThat(frame("org.apache.myteam.Handler").isApplication()).isFalse();
        Frame.applicationPackages(List.of("org.apache.myteam"));
        assertThat(frame("org.apache.myteam.Handler").isApplication()).isTrue();
        assertThat(frame("org.apache.myteamother.X").isApplication()).as("a prefix of whole segments").isFalse();
        assertThat(frame("org.apache.commons.io.FileUtils").isLibrary()).isTrue();
        assertThat(frame("java.lang.Thread").isApplication()).as("never the JDK").isFalse();
    }
}
