package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/** An application with its own (older) Byte Buddy 1.12.19 on the class path, plus a planted sleep on a loop. */
public final class ByteBuddyTarget {

    public static void main(String[] args) throws Exception {
        fact("byteBuddyVersion", ByteBuddy.class.getPackage().getImplementationVersion());
        Class<?> generated = new ByteBuddy()
                .subclass(Object.class)
                .name("io.loopguard.agent.it.targets.GeneratedByAppByteBuddy")
                .method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("generated"))
                .make()
                .load(ByteBuddyTarget.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        fact("generated", generated.getDeclaredConstructor().newInstance().toString());
        fact("failure", TargetIO.runOn("bb-loop", true, ByteBuddyTarget::plantedSleep));
        fact("done", "true");
    }

    static void plantedSleep() throws InterruptedException {
        Thread.sleep(30);
    }

    private ByteBuddyTarget() {
    }
}
