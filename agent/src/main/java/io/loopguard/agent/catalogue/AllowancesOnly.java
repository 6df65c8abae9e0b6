package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.format.Category;

/**
 * A family that names machinery and weaves no call of its own: no category, nothing declared, only its
 * {@link #allowDefaults()} (the JVM's and the frameworks' own waits).
 */
abstract class AllowancesOnly implements BlockingFamily {
    @Override
    public final Category category() {
        return null;
    }

    @Override
    public final void declare(Rules rules) {
        // nothing woven but the allowed scopes of allowDefaults(), which the catalogue weaves for every family
    }

    @Override
    public abstract List<AllowDefault> allowDefaults();
}
