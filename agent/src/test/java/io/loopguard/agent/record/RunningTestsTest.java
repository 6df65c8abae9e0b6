package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningTestsTest {

    @Test
    void noListenerMeansNoNames() {
        assertThat(new RunningTests().current()).isEmpty();
    }

    @Test
    void callsDuringParallelTestsNameEveryRunningTest() {
        RunningTests tests = new RunningTests();
        tests.event("A#a()", true);
        tests.event("B#b()", true);
        assertThat(tests.current()).containsExactly("A#a()", "B#b()");
        tests.event("A#a()", false);
        assertThat(tests.current()).containsExactly("B#b()");
    }

    @Test
    void workLeftRunningIsNamedAsAfterTheLastTestUntilTheNextStarts() {
        RunningTests tests = new RunningTests();
        tests.started("A#a()");
        tests.finished("A#a()");
        assertThat(tests.current()).containsExactly("A#a()" + RunningTests.AFTER);
        tests.started("B#b()");
        assertThat(tests.current()).containsExactly("B#b()");
    }

    @Test
    void anUnknownFinishChangesNothing() {
        RunningTests tests = new RunningTests();
        tests.started("A#a()");
        tests.finished("X#x()");
        tests.event(null, true);
        assertThat(tests.current()).containsExactly("A#a()");
    }
}
