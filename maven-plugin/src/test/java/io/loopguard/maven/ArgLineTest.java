package io.loopguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final File JAR = new File("/repo/loopguard-agent-0.1.0.jar");

    @Test
    void prependsToAnEmptyOrMissingArgLine() {
        assertThat(ArgLine.prepend(null, JAR, "output=/t/lg")).isEqualTo("-javaagent:/repo/loopguard-agent-0.1.0.jar=output=/t/lg");
        assertThat(ArgLine.prepend("  ", JAR, "")).isEqualTo("-javaagent:/repo/loopguard-agent-0.1.0.jar");
    }

    @Test
    void keepsOtherArgumentsAndAgents() {
        assertThat(ArgLine.prepend("-javaagent:/m2/jacocoagent.jar=destfile=x -Xmx1g", JAR, "mode=log"))
                .isEqualTo("-javaagent:/repo/loopguard-agent-0.1.0.jar=mode=log -javaagent:/m2/jacocoagent.jar=destfile=x -Xmx1g");
    }

    @Test
    void replacesAnEarlierLoopGuardAgentSoRunningTwiceChangesNothing() {
        String once = ArgLine.prepend("-Xmx1g", JAR, "output=/t/lg");
        assertThat(ArgLine.prepend(once, JAR, "output=/t/lg")).isEqualTo(once);
        assertThat(ArgLine.prepend("-javaagent:/old/loopguard-agent.jar=mode=log -ea", JAR, ""))
                .isEqualTo("-javaagent:/repo/loopguard-agent-0.1.0.jar -ea");
    }

    @Test
    void quotesPathsWithSpacesAndKeepsQuotedArguments() {
        File spaced = new File("/my repo/loopguard-agent.jar");
        String line = ArgLine.prepend("\"-Dx=a b\" -ea", spaced, "output=/my repo/t");
        assertThat(line).isEqualTo("\"-javaagent:/my repo/loopguard-agent.jar=output=/my repo/t\" \"-Dx=a b\" -ea");
        assertThat(ArgLine.prepend(line, spaced, "")).isEqualTo("-javaagent:/my repo/loopguard-agent.jar".replace("-javaagent", "\"-javaagent") + "\" \"-Dx=a b\" -ea");
    }
}
