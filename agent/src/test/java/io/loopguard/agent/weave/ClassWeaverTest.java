package io.loopguard.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import io.loopguard.agent.catalogue.Catalogue;
import io.loopguard.agent.catalogue.SiteTable;

/**
 * Weaves every JDK class of the catalogue that exists on the running JDK and checks the result with ASM's
 * verifier-grade analysis — the class-format and frame problems that would otherwise surface as a
 * {@code VerifyError} inside someone's JVM. Run on JDK 17 and 25 (the class files differ).
 */
class ClassWeaverTest {
    private final TypeHierarchy hierarchy = new TypeHierarchy();
    private final WovenMethods wovenMethods = new WovenMethods();
    private final ClassWeaver weaver = new ClassWeaver(hierarchy, EnumSet.allOf(NativeMethod.class), wovenMethods);

    @Test
    void everyCatalogueClassOfThisJdkWeavesIntoVerifiableBytecode() throws Exception {
        Catalogue catalogue = Catalogue.standard(new SiteTable(), true);
        int woven = 0;
        for (String owner : catalogue.owners()) {
            byte[] original = read(owner);
            if (original == null) {
                continue; // a class of another JDK version (e.g. InetAddress$PlatformNameService on 25) or of Netty
            }
            byte[] result = weaver.weave(null, new ClassReader(original), catalogue.rulesFor(owner), owner.equals("java/lang/Thread"));
            if (result == null && owner.equals("java/io/FileDescriptor") && NativeMethod.FILE_SYNC.isNativeHere()) {
                continue; // its one rule, sync(), is native up to JDK 21: caught at its call sites instead
            }
            assertThat(result).as(owner + " matched no method: a catalogue entry out of date?").isNotNull();
            assertThat(problems(result)).as(owner).isEmpty();
            assertThat(new String(result, "ISO-8859-1")).as(owner).contains(HookNames.HOOKS);
            woven++;
        }
        assertThat(woven).isGreaterThan(30);
        // what was woven is known by its frames: a contended monitor inside Files.readString (the JDK's Cleaner list,
        // seen under load) is inside that call; one with no woven method on its stack is not
        StackTraceElement monitor = new StackTraceElement("jdk.internal.ref.PhantomCleanable", "insert", null, 87);
        StackTraceElement readString = new StackTraceElement("java.nio.file.Files", "readString", null, 3325);
        StackTraceElement handler = new StackTraceElement("demo.FileEndpoints", "blocking", null, 23);
        assertThat(wovenMethods.enclose(new StackTraceElement[] {monitor, readString, handler})).isTrue();
        assertThat(wovenMethods.enclose(new StackTraceElement[] {monitor, handler})).isFalse();
    }

    @Test
    void rewritesDirectCallsToTheNativeBlockingMethods() throws Exception {
        byte[] original = read(Caller.class.getName().replace('.', '/'));
        byte[] result = weaver.weave(getClass().getClassLoader(), new ClassReader(original), List.of(), true);
        String text = new String(result, "ISO-8859-1");
        assertThat(text).contains("waitOn").contains("yieldNow");
        assertThat(problems(result)).isEmpty();
    }

    @Test
    void rewritesDirectCallsToTheNativeFileMethodsAlsoThroughASubclass() throws Exception {
        byte[] original = read(FileCaller.class.getName().replace('.', '/'));
        byte[] result = weaver.weave(getClass().getClassLoader(), new ClassReader(original), List.of(), true);
        String text = new String(result, "ISO-8859-1");
        assertThat(text).contains("fileLength").contains("setFileLength").contains("syncFile");
        assertThat(problems(result)).isEmpty();
        byte[] subclass = read(OwnFile.class.getName().replace('.', '/'));
        String woven = new String(weaver.weave(getClass().getClassLoader(), new ClassReader(subclass), List.of(), true),
                "ISO-8859-1");
        assertThat(woven).as("an unqualified length() inside a subclass").contains("fileLength");
    }

    @Test
    void rewritesOnlyTheMethodsItWasGiven() throws Exception {
        ClassWeaver fileOnly = new ClassWeaver(hierarchy, EnumSet.of(NativeMethod.FILE_LENGTH));
        byte[] result = fileOnly.weave(getClass().getClassLoader(),
                new ClassReader(read(FileCaller.class.getName().replace('.', '/'))), List.of(), true);
        String text = new String(result, "ISO-8859-1");
        assertThat(text).contains("fileLength").doesNotContain("setFileLength").doesNotContain("syncFile");
        assertThat(new ClassWeaver(hierarchy, EnumSet.of(NativeMethod.FILE_LENGTH)).weave(getClass().getClassLoader(),
                new ClassReader(read(Caller.class.getName().replace('.', '/'))), List.of(), true)).isNull();
    }

    static final class FileCaller {
        long run(RandomAccessFile file, FileDescriptor descriptor) throws Exception {
            file.setLength(10);
            descriptor.sync();
            return file.length();
        }
    }

    static class OwnFile extends RandomAccessFile {
        OwnFile(String path) throws Exception {
            super(path, "r");
        }

        long size() throws Exception {
            return length() + super.length(); // the super call is left alone: the hook would call back into it
        }

        @Override
        public long length() throws java.io.IOException {
            return 1;
        }
    }

    @Test
    void leavesClassesWithoutMatchesAlone() throws Exception {
        byte[] original = read(Map.class.getName().replace('.', '/'));
        assertThat(weaver.weave(null, new ClassReader(original), List.of(), false)).isNull();
    }

    static final class Caller {
        void run(Object lock) throws InterruptedException {
            Thread.sleep(1);
            synchronized (lock) {
                lock.wait(1);
            }
            Thread.yield();
        }
    }

    private static byte[] read(String internalName) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String problems(byte[] bytes) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), ClassWeaverTest.class.getClassLoader(), false, new PrintWriter(out));
        return out.toString();
    }
}
