package io.loopguard.agent.it.targets.classinit;

/**
 * A class whose linking loads another: to verify {@link #up} (a {@link Sub} returned as a {@link Base}) the JVM loads
 * {@link Sub}, while it holds the class's linking lock.
 */
public class Linked {
    public static Base up(Sub sub) {
        return sub;
    }
}
