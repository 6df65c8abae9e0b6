package io.loopguard.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Super types of classes that may not be loaded yet, read from class-file headers through the class loader's
 * resources, never by loading a class (loading from inside a transformer would recurse or deadlock).
 *
 * <p>Used for the few questions the weaver has: does this driver class implement {@code java.sql.Statement}, is the
 * owner of a {@code sleep(J)V} call a {@code Thread}, and the common super class when frames are recomputed.
 * Headers are cached per class loader (weakly), so each class file is read at most once.
 */
public final class TypeHierarchy {
    /** A class header: super class (null for Object and interfaces' roots), interfaces, interface flag. */
    public record Header(String name, String superName, List<String> interfaces, boolean isInterface) {
    }

    private static final Header MISSING = new Header("", null, List.of(), false);
    private final Map<ClassLoader, Map<String, Header>> cache = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, Header> bootCache = new ConcurrentHashMap<>();

    public Header header(ClassLoader loader, String internalName) {
        Map<String, Header> perLoader = loader == null ? bootCache : cacheOf(loader);
        Header header = perLoader.get(internalName);
        if (header == null) {
            header = read(loader, internalName);
            perLoader.put(internalName, header);
        }
        return header == MISSING ? null : header;
    }

    private Map<String, Header> cacheOf(ClassLoader loader) {
        synchronized (cache) {
            Map<String, Header> perLoader = cache.get(loader);
            if (perLoader == null) {
                perLoader = new ConcurrentHashMap<>();
                cache.put(loader, perLoader);
            }
            return perLoader;
        }
    }

    public static Header header(ClassReader reader) {
        return new Header(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
    }

    /** Whether {@code internalName} is, extends or implements {@code target} (transitively). */
    public boolean isSubtypeOf(ClassLoader loader, String internalName, String target) {
        return isSubtypeOf(loader, header(loader, internalName), target, 0);
    }

    public boolean isSubtypeOf(ClassLoader loader, Header start, String target, int depth) {
        if (start == null || depth > 40) {
            return false;
        }
        if (start.name().equals(target)) {
            return true;
        }
        for (String itf : start.interfaces()) {
            if (itf.equals(target) || isSubtypeOf(loader, header(loader, itf), target, depth + 1)) {
                return true;
            }
        }
        return start.superName() != null && isSubtypeOf(loader, header(loader, start.superName()), target, depth + 1);
    }

    /**
     * A JDK class's header from its already-loaded {@code Class}: reading it through {@code jrt:} would initialise
     * the Java-side jimage reader during start-up (retransforming JDK classes needs common super classes).
     * {@code findLoadedClass} semantics only: a JDK class that is not loaded yet is read from its class file, so the
     * transformer never loads a class itself.
     */
    private static Header fromLoadedBootClass(String internalName) {
        Class<?> type = BootClasses.findLoaded(internalName.replace('/', '.'));
        if (type == null) {
            return null;
        }
        Class<?>[] interfaces = type.getInterfaces();
        String[] names = new String[interfaces.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = interfaces[i].getName().replace('.', '/');
        }
        Class<?> superclass = type.getSuperclass();
        return new Header(internalName, superclass == null ? null : superclass.getName().replace('.', '/'), List.of(names),
                type.isInterface());
    }

    /** The chain {@code internalName, its super class, ..., java/lang/Object}, as far as it can be read. */
    List<String> superChain(ClassLoader loader, String internalName) {
        List<String> chain = new ArrayList<>();
        String current = internalName;
        while (current != null && chain.size() < 64) {
            chain.add(current);
            Header header = header(loader, current);
            current = header == null ? null : header.superName();
        }
        return chain;
    }

    private static Header read(ClassLoader loader, String internalName) {
        if (loader == null) {
            Header loaded = fromLoadedBootClass(internalName);
            if (loaded != null) {
                return loaded;
            }
        }
        String resource = internalName + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return MISSING;
            }
            return header(new ClassReader(in));
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }
}
