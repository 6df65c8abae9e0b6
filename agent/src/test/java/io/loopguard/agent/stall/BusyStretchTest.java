package io.loopguard.agent.stall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A busy stretch's samples vote for one stack from the busy code's entry down, and name the busiest frame. */
class BusyStretchTest {

    private static final StackTraceElement HASHPW = new StackTraceElement("org.mindrot.jbcrypt.BCrypt", "hashpw",
            "BCrypt.java", 684);
    private static final StackTraceElement HANDLER = new StackTraceElement("com.acme.SignupHandler", "handle",
            "SignupHandler.java", 45);
    private static final StackTraceElement LOOP = new StackTraceElement("io.netty.channel.nio.NioEventLoop", "run",
            "NioEventLoop.java", 569);

    @Test
    void samplesInDifferentMethodsOfOneHashAreOneStackAndTheBusiestFrameIsTheirMostFrequentTop() {
        BusyStretch stretch = new BusyStretch();
        stretch.begin(1L, 0L);
        for (int i = 0; i < 5; i++) {
            stretch.sample(new StackTraceElement[] {bcrypt("encipher", 505), bcrypt("key", 560),
                    bcrypt("crypt_raw", 625 - i % 2), HASHPW, HANDLER, LOOP});
        }
        for (int i = 0; i < 4; i++) {
            stretch.sample(new StackTraceElement[] {bcrypt("key", 560 + i), bcrypt("crypt_raw", 624), HASHPW, HANDLER,
                    LOOP});
        }
        // after the hash, the same stretch ran another request's handler: a sample there is outvoted
        stretch.sample(new StackTraceElement[] {new StackTraceElement("com.acme.HealthHandler", "handle",
                "HealthHandler.java", 12), LOOP});
        stretch.sample(new StackTraceElement[] {new StackTraceElement("java.lang.ClassLoader", "loadClass",
                "ClassLoader.java", 520), HANDLER, LOOP});

        BusyStretch.Votes votes = stretch.mostFrequent();

        assertThat(votes.stack).containsExactly(HASHPW, HANDLER, LOOP);
        assertThat(votes.count).isEqualTo(9);
        assertThat(votes.busiestFrame()).isEqualTo("org.mindrot.jbcrypt.BCrypt.encipher(BCrypt.java:505)");
        assertThat(stretch.samples).isEqualTo(11);
        assertThat(stretch.warmUpSamples).isEqualTo(1);
    }

    @Test
    void aNewStretchForgetsTheLastOnesSamples() {
        BusyStretch stretch = new BusyStretch();
        stretch.begin(1L, 0L);
        stretch.sample(new StackTraceElement[] {HASHPW, HANDLER, LOOP});
        stretch.end();
        stretch.begin(2L, 0L);

        assertThat(stretch.mostFrequent()).isNull();
        stretch.sample(new StackTraceElement[] {new StackTraceElement("java.lang.Thread", "sleep", null, -2), LOOP});
        assertThat(stretch.mostFrequent().busiestFrame()).isEqualTo("java.lang.Thread.sleep(Native Method)");
    }

    private static StackTraceElement bcrypt(String method, int line) {
        return new StackTraceElement("org.mindrot.jbcrypt.BCrypt", method, "BCrypt.java", line);
    }
}
