package io.loopguard.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

class PrefilterTest {
    static final class Sleeper {
        void run() throws InterruptedException {
            Thread.sleep(5);
        }
    }

    static final class Plain {
        int add(int a, long b) {
            return a + (int) b;
        }
    }

    /** A false positive is fine for a prefilter (the weaver then changes nothing); a false negative is not. */
    static final class MentionsSleep {
        int length() {
            return "sleep".length();
        }
    }

    @Test
    void findsCallersOfTheNativesAndJdbcImplementationsOnly() throws Exception {
        assertThat(Prefilter.scan(bytes(Sleeper.class))).isEqualTo(Prefilter.MAY_CALL_BLOCKING_NATIVES);
        assertThat(Prefilter.scan(bytes(Plain.class)) & Prefilter.MAY_CALL_BLOCKING_NATIVES).isZero();
        assertThat(Prefilter.scan(bytes(org.h2.jdbc.JdbcStatement.class)) & Prefilter.MAY_IMPLEMENT_JDBC).isNotZero();
        assertThat(Prefilter.scan(bytes(java.util.HashMap.class))).isZero();
        assertThat(Prefilter.scan(bytes(MentionsSleep.class)) & Prefilter.MAY_CALL_BLOCKING_NATIVES).isNotZero();
    }

    @Test
    void aMalformedClassFileIsACandidateForEverything() {
        assertThat(Prefilter.scan(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0, 0, 0, 61, 0, 5, 99}))
                .isEqualTo(Prefilter.MAY_CALL_BLOCKING_NATIVES | Prefilter.MAY_IMPLEMENT_JDBC | Prefilter.MAY_CALL_FILE_NATIVES);
    }

    static final class Sizer {
        long size(java.io.RandomAccessFile file) throws java.io.IOException {
            return file.length();
        }
    }

    static final class Syncer {
        void sync(java.io.FileOutputStream out) throws java.io.IOException {
            out.getFD().sync();
        }
    }

    @Test
    void findsCallersOfTheFileNatives() throws Exception {
        assertThat(Prefilter.scan(bytes(Sizer.class))).isEqualTo(Prefilter.MAY_CALL_FILE_NATIVES);
        assertThat(Prefilter.scan(bytes(Syncer.class)) & Prefilter.MAY_CALL_FILE_NATIVES).isNotZero();
        assertThat(Prefilter.scan(bytes(Sleeper.class)) & Prefilter.MAY_CALL_FILE_NATIVES).isZero();
        assertThat(Prefilter.scan(bytes(Reader.class)) & Prefilter.MAY_CALL_FILE_NATIVES)
                .as("a RandomAccessFile without length or setLength").isZero();
    }

    static final class Reader {
        int first(java.io.RandomAccessFile file) throws java.io.IOException {
            return file.read();
        }
    }

    private static byte[] bytes(Class<?> type) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
