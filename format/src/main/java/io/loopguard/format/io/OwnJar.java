package io.loopguard.format.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads an entry of the jar a class was loaded from, through {@code java.util.zip} first and the class loader's
 * {@code getResourceAsStream} only when that cannot. The agent reads its own resources in the user's JVM on the two paths whose time the user
 * sees: {@code premain} (the runtime's class files) and the exit (the report's template). {@code getResourceAsStream}
 * resolves a {@code jar:} URL and reads it through {@code JarURLConnection}: its classes, its factory and its second
 * view of the jar cost about 6 ms in a cold JVM (measured on JDK 17). {@code ZipFile} is already loaded there (the
 * class loader reads the jar with it), and a second {@code ZipFile} of the same file shares its open central directory.
 */
public final class OwnJar {

    private OwnJar() {
    }

    /**
     * The bytes of {@code entryName} (a path from the jar's root, e.g. {@code io/loopguard/x/report.html}): from the
     * jar that {@code anchor} was loaded from, or, when {@code anchor} was not loaded from a local jar (a directory of
     * classes, as in the build's own tests) or the jar cannot be read this way, through {@code anchor}'s class loader;
     * null when neither has it.
     */
    public static byte[] read(Class<?> anchor, String entryName) throws IOException {
        byte[] direct = fromJar(anchor, entryName);
        if (direct != null) {
            return direct;
        }
        ClassLoader loader = anchor.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(entryName)
                : loader.getResourceAsStream(entryName)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static byte[] fromJar(Class<?> anchor, String entryName) {
        File jar = jarOf(anchor);
        if (jar == null) {
            return null;
        }
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static File jarOf(Class<?> anchor) {
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol()) || !location.getPath().endsWith(".jar")) {
                return null;
            }
            return new File(location.toURI());
        } catch (SecurityException | URISyntaxException | IllegalArgumentException e) {
            return null; // a security manager, or a location that is no plain file: the class loader will do
        }
    }
}
