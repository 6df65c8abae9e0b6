package io.loopguard.agent.record;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.agent.catalogue.SqlRegistry;

/**
 * Turns the context object an instrumented call handed to the runtime into the contract's {@code detail} (the file
 * path, {@code host:port}, host name or masked SQL, else null), by asking the call's family
 * ({@code BlockingFamily.describe}). Runs once per new call site, on the recording thread (under the call-depth
 * guard, so what it does itself is not recorded).
 */
final class DetailFormatter {
    private final SqlRegistry sql;

    DetailFormatter(SqlRegistry sql) {
        this.sql = sql;
    }

    String describe(Site site, Object context) {
        try {
            return context == null ? null : site.family().describe(context, sql);
        } catch (Exception | LinkageError e) {
            return null; // a detail is a convenience; never let it cost the call site
        }
    }
}
