package io.loopguard.agent.util;

/**
 * The shape of a class file's constant-pool entries (JVMS 4.4), for the agent's two small class-file readers: the
 * runtime's renamer (start-up, before ASM may be loaded) and the JFR source's look at one method's bytecode.
 */
public final class ConstantPool {
    /** The tag of a {@code CONSTANT_Utf8} entry: a {@code u2} length and modified UTF-8, as {@code readUTF} reads it. */
    public static final int UTF8 = 1;

    private ConstantPool() {
    }

    /** How many bytes follow the tag of a non-UTF-8 entry; -1 for a tag the class-file format does not define. */
    public static int size(int tag) {
        switch (tag) {
            case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                return 2;
            case 15: // MethodHandle
                return 3;
            case 3: case 4: // Integer, Float
            case 9: case 10: case 11: case 12: // Fieldref, Methodref, InterfaceMethodref, NameAndType
            case 17: case 18: // Dynamic, InvokeDynamic
                return 4;
            case 5: case 6: // Long, Double
                return 8;
            default:
                return -1;
        }
    }

    /** How many constant-pool indexes the entry takes: Long and Double take two. */
    public static int slots(int tag) {
        return tag == 5 || tag == 6 ? 2 : 1;
    }
}
