package io.loopguard.agent.install;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.objectweb.asm.ClassReader;

import io.loopguard.agent.catalogue.Catalogue;
import io.loopguard.agent.catalogue.JdbcFamily;
import io.loopguard.agent.weave.ClassWeaver;
import io.loopguard.agent.weave.MethodRule;
import io.loopguard.agent.weave.NativeCalls;
import io.loopguard.agent.weave.Prefilter;

/**
 * The one transformer: for each class, as it loads or is retransformed, a hash lookup in the catalogue (JDK and
 * framework classes by name), a byte search for JDBC candidates, and on JDK 17 a byte search for calls to the
 * native blocking methods. Most classes leave after those checks without being parsed.
 *
 * <p>It runs on whatever thread loads the class, event loops included: the whole transformation is an allowed
 * scope, so the class-file reads it does are never recorded. It is re-entrant (classes loaded by the transformation
 * itself pass through it again) and never lets an exception escape: a class it cannot weave is left as it is.
 */
final class LoopGuardTransformer implements ClassFileTransformer, Supplier<List<String>> {
    private final Catalogue catalogue;
    private final JdbcFamily.Drivers jdbc;
    private final ClassWeaver weaver;
    private final RuntimeBridge runtime;
    private final NativeCalls nativeCalls;
    private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
    private final List<String> failures = new ArrayList<>();

    LoopGuardTransformer(Catalogue catalogue, JdbcFamily.Drivers jdbc, ClassWeaver weaver, RuntimeBridge runtime,
                         NativeCalls nativeCalls) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.weaver = weaver;
        this.runtime = runtime;
        this.nativeCalls = nativeCalls;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (className == null || AgentCode.isAgentClass(className, domain)) {
            return null;
        }
        long scope = runtime.suppressBegin();
        try {
            return weave(loader, className, bytes);
        } catch (Throwable e) {
            synchronized (failures) {
                if (failures.size() < 20) {
                    failures.add(className.replace('/', '.') + ": " + e);
                }
            }
            return null;
        } finally {
            runtime.suppressEnd(scope);
        }
    }

    private byte[] weave(ClassLoader loader, String className, byte[] bytes) {
        List<MethodRule> rules = catalogue.rulesFor(className);
        boolean applicationClass = loader != null && loader != platformLoader;
        int candidate = applicationClass ? Prefilter.scan(bytes) : 0;
        ClassReader reader = null;
        if (rules == null && (candidate & Prefilter.MAY_IMPLEMENT_JDBC) != 0) {
            reader = new ClassReader(bytes);
            rules = jdbc.rulesFor(loader, reader);
        }
        boolean rewrite = nativeCalls.rewrites(className, candidate); // JDK 17: calls to the natives of NativeMethod
        if ((rules == null || rules.isEmpty()) && !rewrite) {
            return null;
        }
        return weaver.weave(loader, reader != null ? reader : new ClassReader(bytes), rules, rewrite);
    }

    /** Classes that could not be woven (reported once on stderr by the agent). */
    @Override
    public List<String> get() {
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }
}
