package io.loopguard.agent.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loopguard.agent.weave.ContextSource;
import io.loopguard.agent.weave.MethodRule;
import io.loopguard.format.Category;
import io.loopguard.runtime.SiteFlags;

/**
 * Every method loopguard weaves into, by owning class, declared by one instrumentation class per API family
 * ({@link #standard}). Matching by exact class name is a hash lookup per loaded class, so the JDK hooks cost nothing
 * at start-up beyond retransforming the few JDK classes already loaded. Type-hierarchy matches (JDBC drivers) live
 * in {@link JdbcInstrumentation}.
 */
public final class Catalogue {
    private final SiteTable sites;
    private final Map<String, List<MethodRule>> byOwner = new HashMap<>();

    public Catalogue(SiteTable sites) {
        this.sites = sites;
    }

    /** The catalogue of the contract's categories, plus thread lifecycle, event-loop detection and allowed scopes. */
    public static Catalogue standard(SiteTable sites, boolean autodetect) {
        Catalogue catalogue = new Catalogue(sites);
        SleepInstrumentation.declare(catalogue);
        WaitInstrumentation.declare(catalogue);
        LockInstrumentation.declare(catalogue);
        FutureInstrumentation.declare(catalogue);
        ParkInstrumentation.declare(catalogue);
        FileInstrumentation.declare(catalogue);
        SocketInstrumentation.declare(catalogue);
        DnsInstrumentation.declare(catalogue);
        ProcessInstrumentation.declare(catalogue);
        JdbcInstrumentation.declareJdkTypes(catalogue);
        ThreadLifecycleInstrumentation.declare(catalogue);
        AllowedScopes.declare(catalogue);
        if (autodetect) {
            EventLoopInstrumentation.declare(catalogue);
        }
        return catalogue;
    }

    /** Rules for a class by its internal name, or null. */
    public List<MethodRule> rulesFor(String internalName) {
        return byOwner.get(internalName);
    }

    public Set<String> owners() {
        return byOwner.keySet();
    }

    // ---- the declaration DSL used by the *Instrumentation classes ------------------------------------------------

    /** Times {@code methods} (every overload) of {@code owner}; each reported as {@code api + "." + method}. */
    void timed(String owner, Category category, String api, int flags, ContextSource context, String... methods) {
        for (String method : methods) {
            timedExact(owner, method, null, category, api + "." + method, flags, context);
        }
    }

    /** Times one method (descriptor null = every overload) reported under {@code blockingMethod}. */
    void timedExact(String owner, String method, String descriptor, Category category, String blockingMethod,
                    int flags, ContextSource context) {
        add(owner, MethodRule.timed(method, descriptor, sites.intern(category, blockingMethod, flags), context));
    }

    /** An allowed scope: nothing inside it is recorded. */
    void scope(String owner, String method, String descriptor) {
        add(owner, MethodRule.timed(method, descriptor, sites.intern(Category.PARK, "(allowed scope)", SiteFlags.SUPPRESS),
                ContextSource.NONE));
    }

    void hook(String owner, String method, String descriptor, MethodRule.Kind kind) {
        add(owner, MethodRule.hook(method, descriptor, kind));
    }

    private void add(String owner, MethodRule rule) {
        List<MethodRule> rules = byOwner.get(owner);
        if (rules == null) {
            rules = new ArrayList<>();
            byOwner.put(owner, rules);
        }
        rules.add(rule);
    }
}
