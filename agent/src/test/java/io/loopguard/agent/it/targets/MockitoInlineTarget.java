package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import java.util.concurrent.atomic.AtomicReference;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/**
 * Mockito's inline mock maker (Mockito 5, attached as {@code -javaagent:mockito-core.jar}, as Mockito asks JDK 21+
 * users to) mocking a final class and a static method on a loop thread: each mock retransforms the mocked class, so
 * Mockito's {@code ClassFileTransformer} runs on the loop. Mockito is warmed up once on {@code main} (its plugins are
 * loaded from its own jar on first use, the application's start-up). Run with {@code threads=mock-loop}; only the
 * planted sleep is a call site.
 */
public final class MockitoInlineTarget {

    /** Final: only the inline mock maker can mock it. */
    public static final class Greeter {
        public String greet(String name) {
            return "hello " + name;
        }
    }

    public static final class Clock {
        public static long now() {
            return 1L;
        }
    }

    public static final class WarmUp {
        public String name() {
            return "warm";
        }
    }

    public static void main(String[] args) throws Exception {
        Mockito.mock(WarmUp.class);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                Greeter greeter = Mockito.mock(Greeter.class);
                Mockito.when(greeter.greet("loop")).thenReturn("mocked");
                String greeting = greeter.greet("loop");
                long now;
                try (MockedStatic<Clock> clock = Mockito.mockStatic(Clock.class)) {
                    clock.when(Clock::now).thenReturn(42L);
                    now = Clock.now();
                }
                plantedSleep();
                result.set(greeting + " " + now);
            } catch (Throwable t) {
                result.set(t);
            }
        }, "mock-loop");
        loop.start();
        loop.join();
        fact("mocks", String.valueOf(result.get()));
        fact("done", "true");
    }

    static void plantedSleep() throws InterruptedException {
        Thread.sleep(30);
    }

    private MockitoInlineTarget() {
    }
}
