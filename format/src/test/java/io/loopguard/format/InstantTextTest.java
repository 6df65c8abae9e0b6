package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written ISO-8601 code against java.time, which it replaces on the agent's exit path. */
class InstantTextTest {

    @Test
    void formatsExactlyAsInstantToString() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong() % 253_402_300_800L; // 1970 .. 9999, and negative: the fallback
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
        }
        for (Instant edge : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(253_402_300_799L, 999_999_999),
                Instant.ofEpochSecond(253_402_300_800L), Instant.ofEpochSecond(-1), Instant.MAX, Instant.MIN,
                Instant.parse("2000-02-29T23:59:59.5Z"), Instant.parse("2100-03-01T00:00:00Z")}) {
            assertThat(InstantText.format(edge)).isEqualTo(edge.toString());
        }
    }

    @Test
    void parsesWhatItWritesAsInstantParseDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 253_402_300_800L),
                    i % 2 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(InstantText.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(InstantText.parseUtc("2026-11-22T10:00:01.5Z")).isEqualTo(Instant.parse("2026-11-22T10:00:01.5Z"));
        assertThat(InstantText.parseUtc("0000-01-01T00:00:00Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
    }

    @Test
    void leavesEverythingElseToJavaTime() {
        for (String text : new String[] {"2026-11-22T10:00:00+02:00", "2026-02-29T10:00:00Z", "2026-11-22T24:00:00Z",
                "2026-11-22T10:00:60Z", "2026-11-22t10:00:00z", "2026-11-22T10:00Z", "2026-11-22T10:00:00.Z",
                "2026-11-22T10:00:00.1234567890Z", "+12026-11-22T10:00:00Z", "2026-13-01T10:00:00Z", "yesterday",
                "2026-11-22T10:00:0xZ", "2026-11-22 10:00:00Z"}) {
            assertThat(InstantText.parseUtc(text)).as(text).isNull();
        }
    }
}
