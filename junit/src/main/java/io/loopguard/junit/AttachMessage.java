package io.loopguard.junit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The failure message of a checked test in a JVM without the agent: what happened and the exact snippet that fixes it. */
final class AttachMessage {

    private AttachMessage() {
    }

    static String text(String test) {
        String version = version();
        return "The loopguard agent is not attached to this JVM, so " + test + " (@NoBlockingCalls) cannot be checked "
                + "for blocking calls on event-loop threads [loopguard].\n"
                + "Attach it to the test JVM. With Maven, add to <build><plugins>:\n"
                + "\n"
                + "  <plugin>\n"
                + "    <groupId>io.loopguard</groupId>\n"
                + "    <artifactId>loopguard-maven-plugin</artifactId>\n"
                + "    <version>" + version + "</version>\n"
                + "    <executions>\n"
                + "      <execution><goals><goal>prepare-agent</goal><goal>check</goal></goals></execution>\n"
                + "    </executions>\n"
                + "  </plugin>\n"
                + "\n"
                + "(if you configure Surefire's <argLine> yourself, start it with @{argLine}; forkCount=0 runs tests "
                + "without the agent).\n"
                + "Elsewhere (IDE run configuration, Gradle jvmArgs, plain java) add the JVM flag:\n"
                + "  -javaagent:/path/to/loopguard-agent.jar\n"
                + "To run this test without the check, annotate it with @AllowBlocking(reason = \"...\").";
    }

    /** This module's version (= the plugin's), from the filtered {@code version.properties}. */
    static String version() {
        try (InputStream in = AttachMessage.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version");
            return version == null || version.startsWith("${") ? "LOOPGUARD_VERSION" : version;
        } catch (IOException e) {
            return "LOOPGUARD_VERSION";
        }
    }
}
