package io.loopguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.options.AgentOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Surefire forwards the build's {@code -Dloopguard.*} properties to the test JVM, where the agent rejects unknown
 * {@code loopguard.*} names (a typo must not pass silently): every user property of every goal, as the generated
 * plugin descriptor lists them, is therefore an agent option or one of the names the agent knows to be someone else's.
 */
class PropertyNamesTest {

    @Test
    void everyGoalPropertyIsAnAgentOptionOrKnownToTheAgent() throws Exception {
        String descriptor;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
            assertThat(in).as("generated plugin descriptor").isNotNull();
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TreeSet<String> properties = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(loopguard\\.[A-Za-z.]+)}").matcher(descriptor);
        while (m.find()) {
            properties.add(m.group(1));
        }
        assertThat(properties).as("the descriptor lists the goals' properties").contains("loopguard.skip");
        List<String> unknown = new ArrayList<>();
        for (String property : properties) {
            boolean option = AgentOptions.KEYS.contains(property.substring("loopguard.".length()));
            boolean known = AgentOptions.NOT_OPTIONS.contains(property)
                    || AgentOptions.NOT_OPTION_PREFIXES.stream().anyMatch(property::startsWith);
            if (!option && !known) {
                unknown.add(property);
            }
        }
        assertThat(unknown).as("goal properties the agent would reject as unknown options").isEmpty();
    }
}
