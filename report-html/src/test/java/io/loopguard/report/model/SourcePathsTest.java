package io.loopguard.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the HTML report links an application frame to its source. */
class SourcePathsTest {

    @TempDir
    Path repo;

    private final Frame handler = new Frame("demo.Handler", "handle", "Handler.java", 42);

    @Test
    void withoutATemplateAFileUnderTheRootsIsLinkedRelativeToTheReport() throws Exception {
        Path source = repo.resolve("app/src/main/java/demo/Handler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Handler {}");
        SourcePaths sources = new SourcePaths(List.of(Path.of("app/src/main/java")), repo);
        assertThat(sources.linkOf(handler, repo.resolve("app/target/loopguard")))
                .isEqualTo("../../src/main/java/demo/Handler.java");
        assertThat(sources.linkOf(new Frame("demo.Missing", "m", "Missing.java", 1), repo.resolve("app/target")))
                .as("nothing to link to").isNull();
    }

    @Test
    void aTemplateGetsThePathTheAbsolutePathAndTheLine() throws Exception {
        Path source = repo.resolve("src/main/java/demo/Handler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Handler {}");
        SourcePaths github = new SourcePaths(List.of(Path.of("src/main/java")), repo,
                "https://github.com/o/r/blob/main/{path}#L{line}");
        assertThat(github.linkOf(handler, null))
                .isEqualTo("https://github.com/o/r/blob/main/src/main/java/demo/Handler.java#L42");
        SourcePaths vscode = new SourcePaths(List.of(Path.of("src/main/java")), repo, "vscode://file/{absolutePath}:{line}");
        assertThat(vscode.linkOf(handler, null)).isEqualTo("vscode://file/" + source.toAbsolutePath() + ":42");
    }
}
