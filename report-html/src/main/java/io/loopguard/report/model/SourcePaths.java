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
    /** {@code null}, or a link template with {@code {path}}, {@code {absolutePath}} and {@code {line}}. */
    private final String linkTemplate;
    private final Map<String, String> cache = new ConcurrentHashMap<>(); // SARIF and JUnit XML are written in parallel

    /** Source roots resolved against {@code base}, which paths are made relative to. */
    public SourcePaths(List<Path> roots, Path base) {
        this(roots, base, null);
    }

    /**
     * Source roots resolved against {@code base}, and how the HTML report links a frame to its source:
     * {@code linkTemplate} with {@code {path}} (relative to {@code base}), {@code {absolutePath}} and {@code {line}},
     * e.g. {@code vscode://file/{absolutePath}:{line}} or
     * {@code https://github.com/o/r/blob/main/{path}#L{line}}; {@code null} links files found under the roots
     * relative to the report.
     */
    public SourcePaths(List<Path> roots, Path base, String linkTemplate) {
        this.linkTemplate = linkTemplate == null || linkTemplate.isBlank() ? null : linkTemplate;
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

    /**
     * The link the HTML report (written into {@code reportDir}) puts on a frame: the template filled in, or without
     * a template a relative link to the source file when a root holds it; {@code null} when there is nothing to link.
     */
    public String linkOf(Frame frame, Path reportDir) {
        String path = pathOf(frame);
        Path file = locateFile(path);
        int line = Math.max(1, frame.lineNumber());
        if (linkTemplate != null) {
            String absolute = (file != null ? file : base.resolve(path)).toString().replace('\\', '/');
            return linkTemplate.replace("{path}", path).replace("{absolutePath}", absolute)
                    .replace("{line}", Integer.toString(line));
        }
        if (file == null || reportDir == null) {
            return null;
        }
        Path from = reportDir.toAbsolutePath().normalize();
        String relative = file.startsWith(from.getRoot()) ? from.relativize(file).toString() : file.toString();
        return relative.replace('\\', '/');
    }

    /** The file a source root holds at {@code path} (as {@link #pathOf} returned it), or {@code null}. */
    private Path locateFile(String path) {
        Path candidate = base.resolve(path).normalize();
        if (!roots.isEmpty() && Files.isRegularFile(candidate)) {
            for (Path root : roots) {
                if (candidate.startsWith(root)) {
                    return candidate;
                }
            }
        }
        return null;
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
