package io.loopguard.format.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file written so that readers never see half of it: the text goes to {@code .<name>.<pid>.<nanoTime>.tmp} in the
 * target's directory (created with {@code CREATE_NEW}, so two writers never share one), and {@link #commit()} renames
 * it onto the target. {@link #close()} without a commit deletes the temporary file.
 *
 * <p>Not {@link Files#createTempFile}: that initialises {@code SecureRandom} (seeding, providers: tens of
 * milliseconds in a cold JVM), and this runs inside the user's JVM at exit. The temporary name starts with a dot, so
 * it never matches {@code loopguard-*.json} and a concurrent report never picks it up.
 *
 * <pre>{@code
 * try (AtomicFile file = AtomicFile.create(target)) {
 *     write(content, file.writer());
 *     file.commit();
 * }
 * }</pre>
 */
public final class AtomicFile implements Closeable {

    private static final int ATTEMPTS = 100;
    private static final String PID = pid();

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean done;

    private AtomicFile(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /** Opens a temporary file for {@code target} (UTF-8, buffered), creating missing parent directories. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        String prefix = "." + absolute.getFileName() + "." + PID + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(prefix + System.nanoTime() + ".tmp");
            try {
                Writer writer = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16), StandardCharsets.UTF_8);
                return new AtomicFile(absolute, temp, writer);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The writer of the temporary file. It is not buffered by a {@code BufferedWriter}: callers append many small
     * pieces, so they should go through their own unsynchronised buffer (see
     * {@link io.loopguard.format.json.TextBuffer}).
     */
    public Writer writer() {
        return writer;
    }

    /** Closes the writer and renames the temporary file onto the target (atomically where the file system can). */
    public void commit() throws IOException {
        writer.close();
        move(temp, target);
        done = true;
    }

    /** Closes the writer; without a {@link #commit()} deletes the temporary file. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Atomic rename of {@code from} onto {@code to}, falling back to a replacing move, after making {@code from} an
     * ordinary shareable file (0644): for temporary files made by {@link Files#createTempFile}, which are 0600.
     */
    public static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(from, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
        move(from, to);
    }

    /** Atomic rename of {@code from} onto {@code to}, falling back to a replacing move. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The pid for temporary names from {@code /proc/self} (Linux), where reading it costs nothing; else none. */
    private static String pid() {
        try {
            Path self = Path.of("/proc/self");
            if (Files.isSymbolicLink(self)) {
                return Files.readSymbolicLink(self).toString();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the nano time and CREATE_NEW keep names unique
        }
        return "0";
    }
}
