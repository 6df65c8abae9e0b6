package io.loopguard.agent.install;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import io.loopguard.agent.util.ConstantPool;

/**
 * Renames classes inside a class file by rewriting its constant pool's UTF8 entries (class names and the
 * descriptors that mention them). This is all the runtime's move into {@code java.lang} needs, and it avoids
 * loading and interpreting ASM on the JVM's start-up path: it runs in {@code premain}, before the application.
 */
final class ConstantPoolRenamer {
    private ConstantPoolRenamer() {
    }

    /** {@code names}: internal name → new internal name; every occurrence inside a UTF8 entry is replaced. */
    static byte[] rename(byte[] classFile, Map<String, String> names) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(in.readInt()); // magic
        out.writeShort(in.readUnsignedShort()); // minor
        out.writeShort(in.readUnsignedShort()); // major
        int count = in.readUnsignedShort();
        out.writeShort(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            out.writeByte(tag);
            if (tag == ConstantPool.UTF8) {
                out.writeUTF(replaceAll(in.readUTF(), names));
                continue;
            }
            int size = ConstantPool.size(tag);
            if (size < 0) {
                throw new IOException("unknown constant pool tag " + tag);
            }
            copy(in, out, size);
            i += ConstantPool.slots(tag) - 1;
        }
        in.transferTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static String replaceAll(String text, Map<String, String> names) {
        String result = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            String from = name.getKey();
            int at = result.indexOf(from);
            while (at >= 0) {
                int end = at + from.length();
                // a whole name only: io/loopguard/runtime/Hooks must not match inside .../HooksX
                boolean whole = end == result.length() || ";<".indexOf(result.charAt(end)) >= 0;
                if (whole) {
                    result = result.substring(0, at) + name.getValue() + result.substring(end);
                    end = at + name.getValue().length();
                }
                at = result.indexOf(from, end);
            }
        }
        return result;
    }

    private static void copy(DataInputStream in, DataOutputStream out, int length) throws IOException {
        byte[] buffer = new byte[length];
        in.readFully(buffer);
        out.write(buffer);
    }
}
