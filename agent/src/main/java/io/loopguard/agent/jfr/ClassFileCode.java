package io.loopguard.agent.jfr;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.loopguard.agent.util.ConstantPool;

/**
 * The bytecode of one method, read from a class file. Only what {@link ClassInitLock} needs to find a
 * {@code monitorenter}; a few dozen lines of the class-file format rather than a bytecode library, because it runs
 * on the JFR thread for rare events and must not pull the weaving code's types into this package.
 */
final class ClassFileCode {
    static final int MONITORENTER = 0xC2;

    private ClassFileCode() {
    }

    /**
     * The code of {@code name + descriptor} in the class file {@code in} (closed here); {@code null} when there is no
     * file, no such method, no code (abstract, native) or a file this reader does not understand — no answer rather
     * than a wrong one.
     */
    static byte[] codeOf(InputStream in, String name, String descriptor) {
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            return codeOf(new DataInputStream(new ByteArrayInputStream(stream.readAllBytes())), name, descriptor);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] codeOf(DataInputStream in, String name, String descriptor) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return null;
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        String[] utf8 = readConstantPool(in);
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.readUnsignedShort(); // access flags
            boolean wanted = name.equals(utf8[in.readUnsignedShort()]) & descriptor.equals(utf8[in.readUnsignedShort()]);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                long length = in.readInt() & 0xFFFF_FFFFL;
                if (wanted && "Code".equals(attribute)) {
                    in.readUnsignedShort(); // max stack
                    in.readUnsignedShort(); // max locals
                    byte[] code = new byte[in.readInt()]; // at most 65535 bytes (JVMS 4.7.3)
                    in.readFully(code);
                    return code;
                }
                in.skipNBytes(length);
            }
            if (wanted) {
                return null; // abstract or native: no code
            }
        }
        return null;
    }

    /** The constant pool's UTF-8 entries by index (other entries are skipped, their slots left null). */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            if (tag == ConstantPool.UTF8) {
                utf8[i] = in.readUTF();
                continue;
            }
            int size = ConstantPool.size(tag);
            if (size < 0) {
                throw new IOException("constant pool tag " + tag);
            }
            in.skipNBytes(size);
            i += ConstantPool.slots(tag) - 1;
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int f = 0; f < members; f++) {
            in.skipNBytes(6); // access flags, name, descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt() & 0xFFFF_FFFFL);
            }
        }
    }
}
