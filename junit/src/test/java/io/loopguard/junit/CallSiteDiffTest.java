package io.loopguard.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.RecordedCallSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallSiteDiffTest {

    private static RecordedCallSite site(String id, long count, long nanos) {
        return new RecordedCallSite(id, "file", "java.nio.file.Files.readString", "/etc/hosts",
                List.of("vert.x-eventloop-thread-0"), count, nanos, nanos, List.of(
                "java.nio.file.Files.readString(Files.java:3279)", "demo.Handler.handle(Handler.java:42)"));
    }

    @Test
    void newSitesAndGrownCountsAreChangesOthersAreNot() {
        Map<String, long[]> before = CallSiteDiff.snapshot(List.of(site("a", 2, 2_000_000), site("b", 1, 1_000_000)));
        List<CallSiteDiff.Change> changes = CallSiteDiff.changes(before,
                List.of(site("a", 2, 2_000_000), site("b", 3, 4_000_000), site("c", 1, 500_000)));
        assertThat(changes).extracting(c -> c.site().id(), CallSiteDiff.Change::newCalls, CallSiteDiff.Change::newNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", 2L, 3_000_000L),
                        org.assertj.core.groups.Tuple.tuple("c", 1L, 500_000L));
    }

    @Test
    void theMessageNamesCategoryMethodDetailThreadAndStack() {
        String message = CallSiteDiff.message("HandlerTest.reads()", List.of(new CallSiteDiff.Change(site("c", 1, 1_500_000), 1, 1_500_000)));
        assertThat(message).isEqualTo("""
                1 blocking call site recorded on event-loop threads during HandlerTest.reads() [loopguard]

                blocking file call java.nio.file.Files.readString (/etc/hosts) on vert.x-eventloop-thread-0: 1 call, 1.5 ms blocked
                \tat java.nio.file.Files.readString(Files.java:3279)
                \tat demo.Handler.handle(Handler.java:42)

                Move the call off the event loop (a worker pool, Vert.x executeBlocking, Reactor boundedElastic), \
                or exempt the test with @AllowBlocking(reason = "...").""");
    }
}
