package io.loopguard.report.model;

import io.loopguard.format.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a frame ({@code demo.UserHandler}, {@code UserHandler.java}) to a source path. A stack trace only knows the
 * file name; with source roots ({@code src/main/java:src/test/java}) the file is looked up under each root and the
 * path made relative to the base directory (the repository root), which is what GitHub code scanning needs. Without
 * roots, or when no root has the file, the package path ({@code demo/UserHandler.java}) is the best guess.
 */
public final class SourcePaths {

    private final List<Path> roots;
    private final Path base;
    private final Map<String, String> cache = new ConcurrentHashMap<>(); // SARIF and JUnit XML are written in parallel

    /** Source roots resolved against {@code base}, which paths are made relative to. */
    public SourcePaths(List<Path> roots, Path base) {
        this.base = base.toAbsolutePath().normalize();
        List<Path> resolved = new ArrayList<>(roots.size());
        for (Path root : roots) {
            resolved.add(this.base.resolve(root).normalize());
        }
        this.roots = List.copyOf(resolved);
    }

    /** No source roots: package paths only. */
    public static SourcePaths none() {
        return new SourcePaths(List.of(), Path.of(""));
    }

    /** True when at least one source root was given. */
    public boolean hasRoots() {
        return !roots.isEmpty();
    }

    /** The '/'-separated path of the frame's source file; for a frame without file name, one derived from the class. */
    public String pathOf(Frame frame) {
        String className = frame.className();
        int dot = className.lastIndexOf('.');
        String packagePath = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        String fileName = frame.fileName();
        if (fileName == null) {
            String simple = className.substring(dot + 1);
            int dollar = simple.indexOf('$');
            fileName = (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
        }
        String relative = packagePath + fileName;
        String path = cache.get(relative);
        if (path == null) {
            path = locate(relative);
            cache.put(relative, path);
        }
        return path;
    }

    private String locate(String relative) {
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                Path path = candidate.startsWith(base) ? base.relativize(candidate) : candidate;
                return path.toString().replace('\\', '/');
            }
        }
        return relative;
    }
}
