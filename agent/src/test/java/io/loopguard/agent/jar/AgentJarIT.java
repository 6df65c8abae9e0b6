package io.loopguard.agent.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The shaded {@code -javaagent} jar: only {@code io.loopguard} classes (ASM relocated under
 * {@code io.loopguard.shaded}), no multi-release copies that would escape relocation, and the manifest a JVM needs.
 */
class AgentJarIT {
    private static final Path JAR = Path.of(System.getProperty("loopguard.agent.jar", "target/loopguard-agent.jar"));

    @Test
    void containsOnlyLoopguardAndRelocatedClasses() throws Exception {
        assertThat(JAR).exists();
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String name : Collections.list(jar.entries()).stream().map(e -> e.getName()).toList()) {
                boolean allowed = name.startsWith("io/loopguard/") || name.equals("META-INF/") || name.equals("META-INF/MANIFEST.MF")
                        || name.equals("io/");
                if (!allowed) {
                    foreign.add(name);
                }
            }
            assertThat(jar.getEntry("io/loopguard/shaded/asm/ClassReader.class")).isNotNull();
            assertThat(jar.getEntry("io/loopguard/runtime/Hooks.class")).isNotNull();
            assertThat(jar.getEntry("io/loopguard/LoopGuard.class")).isNotNull();
            assertThat(jar.getEntry("io/loopguard/report/html/HtmlReport.class")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/loopguard/report/cli/"))).isEmpty();
        }
        assertThat(foreign).as("entries outside io/loopguard").isEmpty();
    }

    @Test
    void manifestDeclaresTheAgent() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("io.loopguard.agent.PreMain");
            assertThat(main.getValue("Agent-Class")).isEqualTo("io.loopguard.agent.PreMain");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");
            assertThat(main.getValue("Implementation-Version")).isNotBlank();
            assertThat(main.getValue("Automatic-Module-Name")).isEqualTo("io.loopguard.agent");
        }
        assertThat(Files.size(JAR)).as("jar size").isLessThan(2_000_000L);
    }

    /** {@code java -jar loopguard-agent.jar} says what it is and how to attach it, instead of "no main manifest". */
    @Test
    void runningTheJarPrintsVersionAndUsage() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).startsWith("loopguard-agent ").contains("-javaagent:loopguard-agent.jar")
                .contains("threads, autodetect, output, mode");
    }

    /** The published POM lists nothing the jar bundles: users download no ASM and no loopguard module for it. */
    @Test
    void publishedPomListsNoBundledDependency() throws Exception {
        String pom = Files.readString(JAR.resolveSibling("dependency-reduced-pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"));
        for (String bundled : List.of("loopguard-api", "loopguard-runtime", "loopguard-format",
                "loopguard-report-html", "<artifactId>asm</artifactId>", "asm-commons")) {
            assertThat(dependencies).as(bundled).doesNotContain(bundled);
        }
    }
}
