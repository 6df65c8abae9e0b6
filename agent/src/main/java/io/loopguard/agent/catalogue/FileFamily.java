package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.FIRST_ARG;
import static io.loopguard.agent.weave.ContextSource.THIS;

import java.io.File;
import java.nio.file.Path;

import io.loopguard.agent.weave.ContextSource;
import io.loopguard.format.Category;
import io.loopguard.runtime.SiteFlags;

/**
 * {@code file}: everything that asks the file system — opening, reading, writing, forcing, listing, deleting,
 * moving, attribute reads — through {@code java.io} streams, {@code RandomAccessFile}, {@code FileChannel},
 * {@code java.nio.file.Files} and {@code java.io.File}. {@code close()} is deliberately absent (contract).
 *
 * <p>The open of a stream happens in a private {@code open(String, ...)} called by the constructor (constructors
 * are not woven: the try/finally would have to start before {@code super()}); it is reported as {@code <init>}.
 * The path comes from the private {@code path} field each of these classes keeps (same on JDK 17 and 25).
 *
 * <p>JDK difference: {@code RandomAccessFile.length()}, {@code setLength(long)} and {@code FileDescriptor.sync()} are
 * native up to JDK 21 (Java from 22, where the rules below weave them); the weaver skips native methods and the
 * call-site rewrite ({@code NativeCalls}) covers direct calls there, reported under the fixed sites below, with the
 * path the runtime reads from the file (a {@code FileDescriptor} has none).
 */
final class FileFamily implements BlockingFamily {
    /** The detail of a write to {@code System.out} / {@code System.err} (allowed unless {@code console=report}). */
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";
    private static final ContextSource PATH = ContextSource.field("path", "Ljava/lang/String;");

    @Override
    public Category category() {
        return Category.FILE;
    }

    @Override
    public void declare(Rules rules) {
        rules.timedExact("java/io/FileInputStream", "open", null, "java.io.FileInputStream.<init>", 0, FIRST_ARG);
        rules.timed("java/io/FileInputStream", "java.io.FileInputStream", 0, PATH,
                "read", "readAllBytes", "readNBytes", "skip", "available", "transferTo");
        rules.timedExact("java/io/FileOutputStream", "open", null, "java.io.FileOutputStream.<init>", 0, FIRST_ARG);
        rules.timed("java/io/FileOutputStream", "java.io.FileOutputStream", 0, PATH, "write");
        // Console output: a PrintStream's write is the outermost call of println/printStackTrace, so the site names
        // the stream (stdout/stderr, see describe) instead of an anonymous FileOutputStream.write.
        rules.timed("java/io/PrintStream", "java.io.PrintStream", 0, ContextSource.THIS, "write");
        rules.timedExact("java/io/RandomAccessFile", "open", null, "java.io.RandomAccessFile.<init>", 0, FIRST_ARG);
        rules.timed("java/io/RandomAccessFile", "java.io.RandomAccessFile", 0, PATH,
                "read", "readFully", "readLine", "readUTF", "skipBytes", "write", "writeBytes", "writeChars", "writeUTF",
                "seek", "length", "setLength");
        rules.timed("java/io/FileDescriptor", "java.io.FileDescriptor", 0, ContextSource.NONE, "sync");
        rules.rewrittenNative(SiteFlags.NATIVE_FILE_LENGTH, "java.io.RandomAccessFile.length", "RandomAccessFile.java");
        rules.rewrittenNative(SiteFlags.NATIVE_FILE_SET_LENGTH, "java.io.RandomAccessFile.setLength",
                "RandomAccessFile.java");
        rules.rewrittenNative(SiteFlags.NATIVE_FILE_SYNC, "java.io.FileDescriptor.sync", "FileDescriptor.java");
        rules.timed("sun/nio/ch/FileChannelImpl", "java.nio.channels.FileChannel", 0, PATH,
                "read", "write", "size", "truncate", "force", "transferTo", "transferFrom", "map", "lock", "tryLock");
        rules.timed("java/nio/file/Files", "java.nio.file.Files", 0, FIRST_ARG,
                "readAllBytes", "readString", "readAllLines", "lines", "newBufferedReader", "newBufferedWriter",
                "newInputStream", "newOutputStream", "newByteChannel", "newDirectoryStream", "list", "walk",
                "walkFileTree", "find", "write", "writeString", "copy", "move", "delete", "deleteIfExists",
                "createFile", "createDirectory", "createDirectories", "createTempFile", "createTempDirectory",
                "createLink", "createSymbolicLink", "readSymbolicLink", "exists", "notExists", "isDirectory",
                "isRegularFile", "isSymbolicLink", "isHidden", "isReadable", "isWritable", "isExecutable", "isSameFile",
                "size", "getLastModifiedTime", "setLastModifiedTime", "readAttributes", "getAttribute", "setAttribute",
                "getOwner", "setOwner", "getPosixFilePermissions", "setPosixFilePermissions", "getFileStore",
                "probeContentType", "mismatch");
        rules.timed("java/io/File", "java.io.File", 0, THIS,
                "exists", "isFile", "isDirectory", "isHidden", "length", "lastModified", "list", "listFiles", "delete",
                "mkdir", "mkdirs", "renameTo", "createNewFile", "canRead", "canWrite", "canExecute", "setLastModified",
                "setReadOnly", "setWritable", "setReadable", "setExecutable", "getCanonicalPath", "getCanonicalFile",
                "getTotalSpace", "getFreeSpace", "getUsableSpace", "createTempFile");
    }

    /** The path: a {@code String} (an open's argument, the streams' {@code path} field), a {@code Path} or a {@code File}. */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        if (context instanceof java.io.PrintStream) {
            return context == System.out ? STDOUT : context == System.err ? STDERR : null;
        }
        if (context instanceof String) {
            return (String) context;
        }
        return context instanceof Path || context instanceof File ? context.toString() : null;
    }
}
