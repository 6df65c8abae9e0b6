package io.loopguard.agent.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the forked-JVM integration tests find the agent jar, the JDK to run targets on, and the class path of the
 * targets. Failsafe passes {@code loopguard.agent.jar} and {@code loopguard.it.javaHome}.
 */
public final class ItEnv {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private ItEnv() {
    }

    /** The shaded agent jar; fails the test with an actionable message when it has not been built. */
    public static Path agentJar() {
        String configured = System.getProperty("loopguard.agent.jar");
        Path jar = configured == null || configured.isBlank()
                ? Paths.get("target", "loopguard-agent.jar").toAbsolutePath()
                : Paths.get(configured).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("loopguard agent jar not found at " + jar
                    + " (system property loopguard.agent.jar=" + configured + "). Build it first: "
                    + "`mvn -B -f agent/pom.xml verify` runs the *IT tests after `package` has produced it.");
        }
        return jar;
    }

    /** The JDK the targets are forked with (CI runs the suite on 17 and on 25). */
    public static Path javaHome() {
        String configured = System.getProperty("loopguard.it.javaHome");
        Path home = configured == null || configured.isBlank() || configured.startsWith("${")
                ? Paths.get(System.getProperty("java.home"))
                : Paths.get(configured);
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new AssertionError("no java executable at " + java + " (loopguard.it.javaHome=" + configured + ")");
        }
        return home;
    }

    /** Major version of {@link #javaHome()}, read from its {@code release} file. */
    public static int javaMajor() {
        try {
            for (String line : Files.readAllLines(javaHome().resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.split("[.+-]")[0];
                    return Integer.parseInt(major.equals("1") ? v.split("\\.")[1] : major);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return Runtime.version().feature();
    }

    /**
     * The class path for target programs: this JVM's class path minus the agent's own classes. Agent classes on an
     * application class path would shadow the premain class (instrumentation.md, pitfall 10).
     */
    public static String targetClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty() || isAgentEntry(entry)) {
                continue;
            }
            kept.add(entry);
        }
        return String.join(File.pathSeparator, kept);
    }

    /**
     * The target class path with real Netty 4.2 instead of the Netty 4.1 of the test class path: every {@code netty-*}
     * jar is dropped and the jars of {@code target/netty42} (copied there by the build) are put first. Vert.x stays
     * on the path but is never touched by a Netty 4.2 target.
     */
    public static String targetClassPathWithNetty42() {
        return targetClassPathWithNettyFrom("loopguard.it.netty42", "netty42", "Netty 4.2");
    }

    /** The target class path with Netty 4.1.119 (target/netty-upgrade) instead of 4.1.115: a library upgrade. */
    public static String targetClassPathWithUpgradedNetty() {
        return targetClassPathWithNettyFrom("loopguard.it.nettyUpgrade", "netty-upgrade", "the upgraded Netty");
    }

    /** The target class path with the Netty jars of one directory instead of its own Netty jars. */
    private static String targetClassPathWithNettyFrom(String property, String defaultDir, String what) {
        String configured = System.getProperty(property);
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path dir = configured == null || configured.isBlank() || configured.startsWith("${")
                ? Paths.get(base, "target", defaultDir) : Paths.get(configured);
        List<String> kept = new ArrayList<>();
        try (var jars = Files.list(dir)) {
            jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .forEach(p -> kept.add(p.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new AssertionError("no " + what + " jars in " + dir + " (the build copies them there in"
                    + " generate-test-resources: run `mvn -B -pl agent verify`)", e);
        }
        if (kept.isEmpty()) {
            throw new AssertionError("no " + what + " jars in " + dir);
        }
        for (String entry : targetClassPath().split(File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            if (!(name.startsWith("netty-") && name.endsWith(".jar"))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /**
     * The target class path with Mockito 5 and its own Byte Buddy (the jars of {@code target/mockito}, copied there by
     * the build) first, and the test class path's older Byte Buddy, Objenesis and Mockito dropped.
     */
    public static String targetClassPathWithMockito() {
        Path dir = mockitoDir();
        List<String> kept = new ArrayList<>();
        try (var jars = Files.list(dir)) {
            jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .forEach(p -> kept.add(p.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new AssertionError("no Mockito jars in " + dir + " (the build copies them there in"
                    + " generate-test-resources: run `mvn -B -pl agent verify`)", e);
        }
        for (String entry : targetClassPath().split(File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            if (!(name.endsWith(".jar") && (name.startsWith("byte-buddy") || name.startsWith("objenesis")
                    || name.startsWith("mockito-")))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** {@code target/mockito}: Mockito 5, its Byte Buddy and Objenesis; {@code mockito-core.jar} is also its agent. */
    public static Path mockitoDir() {
        String configured = System.getProperty("loopguard.it.mockito");
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return configured == null || configured.isBlank() || configured.startsWith("${")
                ? Paths.get(base, "target", "mockito") : Paths.get(configured);
    }

    static boolean isAgentEntry(String entry) {
        Path p = Paths.get(entry);
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.startsWith("loopguard-agent") && name.endsWith(".jar")) {
            return true;
        }
        if (Files.isDirectory(p) && name.equals("classes")) {
            // the agent module's main output: it holds io/loopguard/agent but not our test packages
            return Files.isDirectory(p.resolve("io/loopguard/agent"))
                    && !Files.isDirectory(p.resolve("io/loopguard/agent/it"));
        }
        return false;
    }

    /** A fresh, not yet existing directory for one forked run, kept under target/ for inspection. */
    public static Path newRunDir(String name) {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path dir = Paths.get(base, "target", "it-runs",
                javaMajor() + "-" + name + "-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet());
        try {
            if (Files.exists(dir)) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        return dir.toAbsolutePath();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
