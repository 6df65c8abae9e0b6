package io.loopguard.maven;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.format.JvmInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;

/** A module on disk with data files, a project model and a session, to run mojos without a Maven build. */
final class Fixtures {

    private Fixtures() {
    }

    static MavenProject project(Path basedir) throws IOException {
        Files.createDirectories(basedir.resolve("src/main/java/demo"));
        Files.writeString(basedir.resolve("src/main/java/demo/Handler.java"), "package demo;\n");
        MavenProject project = new MavenProject();
        project.setFile(basedir.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        project.setBuild(build);
        project.addCompileSourceRoot(basedir.resolve("src/main/java").toString());
        return project;
    }

    @SuppressWarnings("deprecation")
    static MavenSession session(Path root, MavenProject... projects) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(root.toFile());
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(projects));
        return session;
    }

    static CallSite site(String category, String method, String handlerMethod, int line, long count) {
        List<Frame> stack = List.of(new Frame(method.substring(0, method.lastIndexOf('.')),
                method.substring(method.lastIndexOf('.') + 1), null, -1),
                new Frame("demo.Handler", handlerMethod, "Handler.java", line),
                new Frame("io.vertx.core.impl.ContextImpl", "emit", "ContextImpl.java", 100));
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        return new CallSite(CallSiteId.of(category, method, stack), category, method, null,
                List.of("vert.x-eventloop-thread-0"), count, count * 5_000_000L, 5_000_000L, 5_000_000L, t, t, stack);
    }

    static Path dataFile(Path dir, long pid, CallSite... sites) throws IOException {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        Path file = dir.resolve("loopguard-" + pid + ".json");
        Files.createDirectories(dir);
        DataFileWriter.writeAtomically(new DataFile(new JvmInfo(pid, "17", "test", t, t), List.of(sites), 0), file);
        return file;
    }

    /** A log that keeps its lines, prefixed like Maven's console ({@code [ERROR] ...}). */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("[INFO] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[WARNING] " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("[ERROR] " + content);
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    static File file(Path path) {
        return path.toFile();
    }
}
