package io.loopguard.agent.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loopguard.agent.weave.MethodRule;

/**
 * Every method loopguard weaves into, by owning class, as declared by the families of {@link Families}: their
 * timed calls and hooks, and their allow defaults that name a method (woven as allowed scopes). Matching by exact
 * class name is a hash lookup per loaded class, so the JDK hooks cost nothing at start-up beyond retransforming the
 * few JDK classes already loaded. Type-hierarchy matches (JDBC drivers) are {@link JdbcFamily.Drivers}.
 */
public final class Catalogue {
    private final Map<String, List<MethodRule>> byOwner = new HashMap<>();

    private Catalogue() {
    }

    /** The catalogue of every family; {@code autodetect} adds the event loops' own registration hooks. */
    public static Catalogue standard(SiteTable sites, boolean autodetect) {
        Catalogue catalogue = new Catalogue();
        for (BlockingFamily family : Families.all()) {
            Rules rules = new Rules(catalogue, sites, family, autodetect);
            family.declare(rules);
            for (AllowDefault allowed : family.allowDefaults()) {
                if (allowed.isWoven()) {
                    rules.scope(allowed);
                }
            }
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

    void add(String owner, MethodRule rule) {
        List<MethodRule> rules = byOwner.get(owner);
        if (rules == null) {
            rules = new ArrayList<>();
            byOwner.put(owner, rules);
        }
        rules.add(rule);
    }
}
