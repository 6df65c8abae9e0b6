package io.loopguard.agent.weave;

import java.io.FileDescriptor;
import java.io.RandomAccessFile;
import java.lang.reflect.Modifier;

import org.objectweb.asm.Opcodes;

/**
 * The blocking JDK methods that are {@code native} on some JDKs (17 above all) and so out of reach of advice there:
 * each with the runtime hook of the same stack shape that {@link NativeCallRewriter} puts in place of a direct call,
 * and the {@link Prefilter} bit that finds the classes that may call it. Which of them are native is asked of the
 * running JDK, method by method ({@link #isNativeHere()}), in {@code JdkDifferences}; the others are woven with
 * advice like any Java method.
 *
 * <p>Other public {@code native} methods of {@code java.io} on JDK 17 ({@code javap -p} on its {@code java.base}),
 * and why they are not here: {@code RandomAccessFile.getFilePointer()} (native on 25 too) only asks the kernel for
 * the descriptor's offset ({@code lseek(fd, 0, SEEK_CUR)}): no I/O, never blocks. {@code java.io.UnixFileSystem}'s
 * public natives belong to a package-private class; {@code java.io.File}'s Java methods that call them are woven.
 * Every other native of {@code java.io} is private, behind a Java method that is woven.
 */
public enum NativeMethod {
    THREAD_SLEEP(Opcodes.INVOKESTATIC, Thread.class, "sleep", "(J)V", "sleep", "(J)V",
            Prefilter.MAY_CALL_BLOCKING_NATIVES, long.class),
    OBJECT_WAIT(Opcodes.INVOKEVIRTUAL, Object.class, "wait", "(J)V", "waitOn", "(Ljava/lang/Object;J)V",
            Prefilter.MAY_CALL_BLOCKING_NATIVES, long.class),
    THREAD_YIELD(Opcodes.INVOKESTATIC, Thread.class, "yield", "()V", "yieldNow", "()V",
            Prefilter.MAY_CALL_BLOCKING_NATIVES),
    /** Native on 17 to 21; Java (→ private native {@code length0}) from 22. */
    FILE_LENGTH(Opcodes.INVOKEVIRTUAL, RandomAccessFile.class, "length", "()J", "fileLength",
            "(Ljava/io/RandomAccessFile;)J", Prefilter.MAY_CALL_FILE_NATIVES),
    /** Native on 17 to 21; Java (→ private native {@code setLength0}) from 22. */
    FILE_SET_LENGTH(Opcodes.INVOKEVIRTUAL, RandomAccessFile.class, "setLength", "(J)V", "setFileLength",
            "(Ljava/io/RandomAccessFile;J)V", Prefilter.MAY_CALL_FILE_NATIVES, long.class),
    /** {@code fsync}: native on 17 to 21; Java (→ private native {@code sync0}) from 22. */
    FILE_SYNC(Opcodes.INVOKEVIRTUAL, FileDescriptor.class, "sync", "()V", "syncFile",
            "(Ljava/io/FileDescriptor;)V", Prefilter.MAY_CALL_FILE_NATIVES);

    final int opcode;
    final String owner;
    final String name;
    final String descriptor;
    final String hook;
    final String hookDescriptor;
    final int prefilterBit;
    private final Class<?> declaring;
    private final Class<?>[] parameters;

    NativeMethod(int opcode, Class<?> declaring, String name, String descriptor, String hook, String hookDescriptor,
                 int prefilterBit, Class<?>... parameters) {
        this.opcode = opcode;
        this.declaring = declaring;
        this.owner = declaring.getName().replace('.', '/');
        this.name = name;
        this.descriptor = descriptor;
        this.hook = hook;
        this.hookDescriptor = hookDescriptor;
        this.prefilterBit = prefilterBit;
        this.parameters = parameters;
    }

    /** Whether this method is {@code native} on the running JDK (asked by reflection, not by version number). */
    public boolean isNativeHere() {
        try {
            return Modifier.isNative(declaring.getDeclaredMethod(name, parameters).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Whether {@code insn} calls this method: same name, descriptor and kind of call, on its owner or a subclass. */
    boolean isCalledBy(int insnOpcode, String insnOwner, String insnName, String insnDescriptor,
                       NativeCallRewriter.Types types) {
        if (!name.equals(insnName) || !descriptor.equals(insnDescriptor)) {
            return false;
        }
        if (opcode == Opcodes.INVOKESTATIC) {
            return insnOpcode == Opcodes.INVOKESTATIC && types.isSubtype(insnOwner, owner);
        }
        // invokespecial (a subclass's super.length()) is left alone: the hook's virtual call would recurse into it
        if (insnOpcode != Opcodes.INVOKEVIRTUAL && insnOpcode != Opcodes.INVOKEINTERFACE) {
            return false;
        }
        return owner.equals("java/lang/Object") || types.isSubtype(insnOwner, owner); // wait is final in Object
    }
}
