package io.loopguard.agent.record;

import java.util.ArrayList;
import java.util.List;

import io.loopguard.agent.catalogue.Families;
import io.loopguard.agent.catalogue.FrameworkAllowances;
import io.loopguard.agent.util.Glob;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * Frame patterns that make a blocking call allowed when they appear anywhere on its stack: {@code pkg.Class#method},
 * {@code pkg.Class} (and its nested classes), {@code pkg.*}; globs with {@code *} and {@code ?}. Checked once per
 * distinct call site, when it is first seen, so a long list costs nothing per call.
 *
 * <p>The built-in defaults are the JVM's and the frameworks' own machinery (the README explains each), declared by
 * the families ({@code BlockingFamily.allowDefaults}, collected by {@link Families#allowDefaults}). Most of them are
 * also woven as allowed scopes, which is cheaper; here they also cover calls that reach the same code through paths
 * the scopes do not see. The pattern syntax itself is validated with the options ({@code FramePatterns} in
 * loopguard-format).
 */
public final class AllowList {
    private final List<Entry> entries = new ArrayList<>();
    /** The frameworks' published allowances, in list order, and their {@code allowedBy} ids (same order). */
    private final List<Entry> frameworkEntries = new ArrayList<>();
    private final List<String> frameworkIds = new ArrayList<>();
    /** {@code deny} entries: none by default. */
    private volatile List<Entry> denied = List.of();
    /** {@code console=allow}: writes to System.out/System.err are allowed (set once, before recording starts). */
    private volatile boolean consoleAllowed = true;

    public AllowList(List<String> userPatterns) {
        for (String pattern : Families.allowDefaults()) {
            entries.add(Entry.parse(pattern));
        }
        for (String pattern : userPatterns) {
            entries.add(Entry.parse(pattern));
        }
        for (FrameworkAllowances.Allowance allowance : FrameworkAllowances.all()) {
            frameworkEntries.add(Entry.parse(allowance.pattern()));
            frameworkIds.add(allowance.id());
        }
    }

    /**
     * The framework allowance ({@link FrameworkAllowances}) that a call site of {@code category} with this stack falls
     * under, as the data file's {@code allowedBy}, or null. The innermost matching frame decides. Never for
     * {@code pinning} or {@code stall}.
     */
    public String frameworkAllowance(List<Frame> stack, Category category) {
        if (category == Category.PINNING || category == Category.STALL) {
            return null;
        }
        int end = deniedFrom(stack);
        for (int f = 0; f < end; f++) {
            Frame frame = stack.get(f);
            for (int i = 0; i < frameworkEntries.size(); i++) {
                if (frameworkEntries.get(i).matches(frame)) {
                    return frameworkIds.get(i);
                }
            }
        }
        return null;
    }

    /**
     * The index of the innermost frame a {@code deny} entry matches ({@code stack.size()} when none): allowing frames
     * from there outwards do not count, those inside it do (the innermost marker decides, as in BlockHound).
     */
    private int deniedFrom(List<Frame> stack) {
        List<Entry> deny = denied;
        if (deny.isEmpty()) {
            return stack.size();
        }
        for (int f = 0; f < stack.size(); f++) {
            for (int i = 0; i < deny.size(); i++) {
                if (deny.get(i).matches(stack.get(f))) {
                    return f;
                }
            }
        }
        return stack.size();
    }

    /**
     * {@code deny}: frame patterns inside which a call is not allowed again although an allowing frame matches
     * further out on its stack (BlockHound's {@code disallowBlockingCallsInside}). Set once, before recording starts
     * (published by the recorder's volatile handles being installed after it).
     */
    public void deny(List<String> patterns) {
        List<Entry> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            parsed.add(Entry.parse(pattern));
        }
        this.denied = List.copyOf(parsed);
    }

    public void consoleAllowed(boolean allowed) {
        this.consoleAllowed = allowed;
    }

    /** Whether a call with this {@code detail} is allowed by what it is rather than where: console output. */
    public boolean allowsDetail(String detail) {
        return consoleAllowed && ("stdout".equals(detail) || "stderr".equals(detail));
    }

    public boolean allows(List<Frame> stack) {
        return allows(stack, null);
    }

    /**
     * Whether a call site of {@code category} with this stack is allowed: an entry matches a frame inside the
     * innermost {@code deny} frame (any frame when there is none). A {@code pinning} site ignores the
     * class-initialisation default: class initialisation is the JVM's warm-up for an ordinary blocking call, but a
     * virtual thread that blocks inside one stays pinned to its carrier (still so after JEP 491), which is exactly
     * what {@code pinning} reports.
     */
    public boolean allows(List<Frame> stack, Category category) {
        boolean pinning = category == Category.PINNING;
        int end = deniedFrom(stack);
        for (int f = 0; f < end; f++) {
            Frame frame = stack.get(f);
            for (Entry entry : entries) {
                if (pinning && entry.isClassInit()) {
                    continue;
                }
                if (entry.matches(frame)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Entry(Glob type, Glob nested, Glob method) {
        static Entry parse(String pattern) {
            int hash = pattern.indexOf('#');
            String type = hash < 0 ? pattern : pattern.substring(0, hash);
            Glob method = hash < 0 ? null : new Glob(pattern.substring(hash + 1));
            return new Entry(new Glob(type), new Glob(type + "$*"), method);
        }

        boolean isClassInit() {
            return method != null && method.matches("<clinit>") && type.matches("any.Class");
        }

        boolean matches(Frame frame) {
            String cls = frame.className();
            boolean typeMatches = type.matches(cls) || (method == null && nested.matches(cls));
            return typeMatches && (method == null || method.matches(frame.methodName()));
        }
    }
}
