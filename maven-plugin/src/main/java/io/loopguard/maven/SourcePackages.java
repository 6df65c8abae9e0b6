package io.loopguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * The default of {@code appPackages}: the packages the build's own sources declare, as directories of {@code .java}
 * files under the compile and test source roots, cut to their first three segments ({@code com.acme.orders}). So the
 * project's frames count as the application's even when its organisation's name looks like a library's
 * ({@code org.apache.*}, {@code com.google.*}).
 */
final class SourcePackages {
    static final int SEGMENTS = 3;
    /** Enough for any real module; a generated-sources explosion must not make the agent argument huge. */
    static final int MAX_PACKAGES = 50;

    private SourcePackages() {
    }

    static List<String> of(List<MavenProject> projects) {
        Set<String> packages = new TreeSet<>();
        for (MavenProject project : projects) {
            for (List<String> roots : List.of(project.getCompileSourceRoots(), project.getTestCompileSourceRoots())) {
                for (String root : roots) {
                    collect(Path.of(root), packages);
                }
            }
        }
        // com.acme covers com.acme.orders: keep the shortest prefixes only.
        Set<String> minimal = new TreeSet<>();
        for (String p : packages) {
            if (minimal.stream().noneMatch(q -> p.startsWith(q + "."))) {
                minimal.add(p);
            }
        }
        return minimal.stream().limit(MAX_PACKAGES).toList();
    }

    private static void collect(Path root, Set<String> packages) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root, 12)) {
            files.filter(f -> f.getFileName().toString().endsWith(".java")).forEach(f -> {
                Path dir = root.relativize(f).getParent();
                if (dir != null && dir.getNameCount() > 0) {
                    int n = Math.min(SEGMENTS, dir.getNameCount());
                    packages.add(dir.subpath(0, n).toString().replace(java.io.File.separatorChar, '.'));
                }
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable source tree: no default from it
        }
    }
}
