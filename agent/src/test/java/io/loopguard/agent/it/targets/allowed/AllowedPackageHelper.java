package io.loopguard.agent.it.targets.allowed;

/** Lives in a package that OptionsIT allows with {@code io.loopguard.agent.it.targets.allowed.*}. */
public final class AllowedPackageHelper {
    private AllowedPackageHelper() {
    }

    public static void nap(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
