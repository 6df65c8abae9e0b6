package io.loopguard.agent.looptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.Category;
import org.junit.jupiter.api.Test;

/** The per-period figures of {@code io.loopguard.LoopUtilization} from the runtime's loop state and recorded totals. */
class LoopUtilizationTest {
    private static final long MS = 1_000_000L;
    private final LoopUtilization loops = new LoopUtilization(null, null);
    private final Thread loop = new Thread("loop-0");

    /** busySince, excluded, inCallSince, long stretch (3), busyTotal, registeredAt. */
    private static long[] state(long busySince, long busyTotal, long registeredAt) {
        return new long[] {busySince, 0, 0, 0, 0, 0, busyTotal, registeredAt};
    }

    private static long[] recorded(long sleep, long stall) {
        long[] r = new long[Category.values().length];
        r[Category.SLEEP.ordinal()] = sleep;
        r[Category.STALL.ordinal()] = stall;
        return r;
    }

    @Test
    void firstSightIsTheBaselineThenEachPeriodIsTheDifference() {
        assertThat(loops.step(loop, "loop-0", state(0, 300 * MS, 10 * MS), recorded(50 * MS, 0), 1000 * MS)).isNull();
        loops.endRound(1000 * MS);

        // idle now; 200 ms more busy since, 40 ms of it a recorded sleep that ended
        LoopUtilization.Period p = loops.step(loop, "loop-0", state(0, 500 * MS, 10 * MS), recorded(90 * MS, 0),
                2000 * MS);
        loops.endRound(2000 * MS);
        assertThat(p.periodNanos).isEqualTo(1000 * MS);
        assertThat(p.busyNanos).isEqualTo(200 * MS);
        assertThat(p.blockedNanos).isEqualTo(40 * MS);
        assertThat(p.stallNanos).isZero();
        assertThat(p.otherNanos()).isEqualTo(160 * MS);
        assertThat(p.busyShare()).isEqualTo(0.2);

        // busy since 2600 ms, still busy at 3000: the stretch in progress counts; a 700 ms stall ended
        p = loops.step(loop, "loop-0", state(2600 * MS, 500 * MS, 10 * MS), recorded(90 * MS, 700 * MS), 3000 * MS);
        loops.endRound(3000 * MS);
        assertThat(p.busyNanos).isEqualTo(400 * MS);
        assertThat(p.stallNanos).as("the stall that ended in the period, whole").isEqualTo(700 * MS);
        assertThat(p.otherNanos()).isZero();
    }

    @Test
    void aThreadRegisteredSinceThePreviousLookStartsAtItsRegistration() {
        loops.endRound(1000 * MS);
        LoopUtilization.Period p = loops.step(loop, "loop-0", state(1500 * MS, 0, 1500 * MS), recorded(0, 0),
                2000 * MS);
        assertThat(p.periodNanos).isEqualTo(500 * MS);
        assertThat(p.busyShare()).isEqualTo(1.0);
    }

    @Test
    void registeredAgainIsANewPeriodAndAThreadNotSteppedIsForgotten() {
        loops.step(loop, "loop-0", state(0, 0, 10 * MS), recorded(0, 0), 1000 * MS);
        loops.endRound(1000 * MS);
        loops.endRound(2000 * MS); // not registered at this look
        assertThat(loops.step(loop, "loop-0", state(0, 100 * MS, 10 * MS), recorded(0, 0), 3000 * MS))
                .as("forgotten, and registered before the previous look: a new baseline").isNull();
        loops.endRound(3000 * MS);
        LoopUtilization.Period p = loops.step(loop, "loop-0", state(0, 10 * MS, 3500 * MS), recorded(0, 0),
                4000 * MS);
        assertThat(p.periodNanos).as("registered again at 3500 ms").isEqualTo(500 * MS);
        assertThat(p.busyNanos).isEqualTo(10 * MS);
    }

    @Test
    void resetStartsOver() {
        loops.step(loop, "loop-0", state(0, 0, 10 * MS), recorded(0, 0), 1000 * MS);
        loops.endRound(1000 * MS);
        loops.reset();
        assertThat(loops.step(loop, "loop-0", state(0, 100 * MS, 10 * MS), recorded(0, 0), 2000 * MS)).isNull();
    }
}
