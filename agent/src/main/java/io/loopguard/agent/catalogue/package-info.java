/**
 * The blocking API families: one class per family implementing {@link io.loopguard.agent.catalogue.BlockingFamily}
 * (what to weave, how to describe a call's context, whether it would block now, which calls are JDK machinery, its
 * allow defaults), listed once in {@link io.loopguard.agent.catalogue.Families}; the catalogue and site table built
 * from them at start-up; the JDBC helpers (SQL masking, prepared statements' SQL). Runs in the agent's class loader
 * (never inside {@code java.base}: the runtime only sees site ints), on the start-up thread and once per new call
 * site, so it may allocate, but not use lambdas, {@code String.format} or regex on the start-up path.
 */
package io.loopguard.agent.catalogue;
