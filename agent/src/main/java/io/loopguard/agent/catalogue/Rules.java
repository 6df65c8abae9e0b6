package io.loopguard.agent.catalogue;

import io.loopguard.agent.weave.ContextSource;
import io.loopguard.agent.weave.MethodRule;
import io.loopguard.format.Category;
import io.loopguard.runtime.SiteFlags;

/**
 * What a family's {@link BlockingFamily#declare} writes on: the catalogue, seen from one family. Every site it
 * creates carries that family and its category, so the recorder finds the family from the site int alone.
 */
public final class Rules {
    private final Catalogue catalogue;
    private final SiteTable sites;
    private final BlockingFamily family;
    private final boolean autodetect;

    Rules(Catalogue catalogue, SiteTable sites, BlockingFamily family, boolean autodetect) {
        this.catalogue = catalogue;
        this.sites = sites;
        this.family = family;
        this.autodetect = autodetect;
    }

    /** The {@code autodetect} option: whether frameworks' event loops are recognised by their own code. */
    public boolean autodetect() {
        return autodetect;
    }

    /** Times {@code methods} (every overload) of {@code owner}; each reported as {@code api + "." + method}. */
    public void timed(String owner, String api, int flags, ContextSource context, String... methods) {
        for (String method : methods) {
            timedExact(owner, method, null, api + "." + method, flags, context);
        }
    }

    /** Times one method (descriptor null = every overload) reported under {@code blockingMethod}. */
    public void timedExact(String owner, String method, String descriptor, String blockingMethod, int flags,
                           ContextSource context) {
        catalogue.add(owner, MethodRule.timed(method, descriptor, site(blockingMethod, flags), context));
    }

    /** A plain hook at entry or return (thread start, an event loop's {@code run}). */
    public void hook(String owner, String method, String descriptor, MethodRule.Kind kind) {
        catalogue.add(owner, MethodRule.hook(method, descriptor, kind));
    }

    /**
     * Used only where the method is native (JDK 17; see {@code NativeCalls}): one of the runtime's fixed sites,
     * {@code SiteFlags.NATIVE_*}, which the rewritten call sites of a native blocking method hand to the runtime. The
     * native method has no frame of its own on the stack (the runtime hook stands in for it), so its frame is added
     * to every stack.
     */
    public void rewrittenNative(int fixedSite, String blockingMethod, String file) {
        sites.fixed(fixedSite, family, blockingMethod, file);
    }

    /** The site of a timed call of this family, interned once (shared by every rule with the same API and flags). */
    int site(String blockingMethod, int flags) {
        return sites.intern(family, family.category(), blockingMethod, flags);
    }

    /** An allowed scope: nothing inside it is recorded (its site is never recorded either: {@code SUPPRESS}). */
    void scope(AllowDefault allowed) {
        int flags = allowed.idleWait() ? SiteFlags.SUPPRESS | SiteFlags.IDLE : SiteFlags.SUPPRESS;
        int site = sites.intern(family, Category.PARK, allowed.idleWait() ? "(idle wait)" : "(allowed scope)", flags);
        catalogue.add(allowed.owner(), MethodRule.timed(allowed.method(), allowed.descriptor(), site, ContextSource.NONE));
    }
}
