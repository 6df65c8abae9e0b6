package io.loopguard.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.DataFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's exit path ({@code report=html}) stays cheap in a cold JVM: {@link ExitPathTarget} writes a data file
 * and {@code index.html} in a forked JVM with {@code -Xlog:class+load}, and none of the classes that made it cost
 * 100–200 ms may load — lambda and string-concat bootstrap, record {@code ObjectMethods}, streams, regex, the
 * {@code java.time} formatter, {@code Formatter}/{@code BigDecimal}, {@code SecureRandom}. Structural, not timed:
 * a class that loads is a regression whatever the machine's load. A class the JVM loads anyway (seen in the same
 * JVM running a plain hello world) is not held against the exit path.
 */
class ExitPathIT {

    static final List<String> FORBIDDEN = List.of(
            "java.lang.invoke.LambdaMetafactory", "java.lang.invoke.InnerClassLambdaMetafactory",
            "java.lang.invoke.StringConcatFactory", "java.lang.runtime.ObjectMethods", "java.util.stream.",
            "java.util.regex.Pattern", "java.time.format.DateTimeFormatter", "java.util.Formatter",
            "java.math.BigDecimal", "java.security.SecureRandom", "sun.security.provider.");

    @TempDir
    Path dir;

    @Test
    void exitPathLoadsNoHeavyMachinery() throws Exception {
        Set<String> baseline = classesLoaded("none");
        Set<String> exit = classesLoaded("exit");
        List<String> offending = new ArrayList<>();
        for (String name : exit) {
            for (String forbidden : FORBIDDEN) {
                if (name.startsWith(forbidden) && !baseline.contains(name)) {
                    offending.add(name);
                }
            }
        }
        assertThat(offending).as("classes loaded by DataFileWriter.writeAtomically + HtmlReport.writeIndex").isEmpty();
        Set<String> added = new LinkedHashSet<>(exit);
        added.removeAll(baseline);
        // A tripwire for whole subsystems being dragged in, not a budget: today about 205 on JDK 17 (file-system and
        // channel classes, our own ~30) and 475 on JDK 25, where fewer of those are in the default CDS archive.
        assertThat(added.size()).as("classes added by the exit path: %s", added).isLessThan(600);
        assertThat(dir.resolve("exit").resolve(HtmlReport.INDEX)).isRegularFile();
        try (Stream<Path> files = Files.list(dir.resolve("exit"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("index.html", "loopguard-4242.json");
        }
        assertThat(Files.readString(dir.resolve("exit").resolve("index.html"))).contains("java.lang.Thread.sleep");
    }

    private Set<String> classesLoaded(String mode) throws IOException, InterruptedException {
        Path out = dir.resolve(mode);
        Files.createDirectories(out);
        Path log = dir.resolve(mode + ".log");
        String classPath = String.join(File.pathSeparator, location(ExitPathTarget.class),
                location(HtmlReport.class), location(DataFile.class));
        List<String> command = new ArrayList<>(List.of(java(), "-Xlog:class+load:file=" + log, "-cp", classPath, ExitPathTarget.class.getName(),
                out.toString()));
        if (mode.equals("none")) {
            command.add("none");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(mode + ".out").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("forked JVM finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve(mode + ".out"))).isZero();
        Set<String> classes = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int start = line.indexOf("] ", line.indexOf("class,load"));
            if (start > 0) {
                int end = line.indexOf(' ', start + 2);
                classes.add(line.substring(start + 2, end < 0 ? line.length() : end));
            }
        }
        assertThat(classes).as("class-load log of the %s run", mode).isNotEmpty();
        return classes;
    }

    /** The JVM under test: {@code loopguard.it.javaHome} (e.g. JDK 25 in {@code .ci/run}), else this one. */
    private static String java() {
        String home = System.getProperty("loopguard.it.javaHome");
        return Path.of(home == null || home.isBlank() ? System.getProperty("java.home") : home, "bin", "java")
                .toString();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
