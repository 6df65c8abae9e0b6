package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.FIRST_ARG;
import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.HOST_NAME;

import io.loopguard.format.Category;

/**
 * {@code dns}: name lookups. The public entry points count whether or not the JDK's cache answers (the cache
 * expires; the call will block then), but an IP literal is not a lookup ({@code HOST_NAME}, checked in the runtime).
 *
 * <p>JDK difference, the one place it is handled: the platform resolver behind every lookup is
 * {@code InetAddress$PlatformNameService} ({@code lookupAllHostAddr}, {@code getHostByAddr}) on JDK 17 and
 * {@code InetAddress$PlatformResolver} ({@code lookupByName}, {@code lookupByAddress}) from JDK 18 (JEP 418). Both
 * are declared; only the one that exists is ever loaded. Nested under a public entry point they count once; alone
 * (reverse lookups behind {@code getHostName()}, internal callers) they are the outermost call.
 */
final class DnsInstrumentation {
    private DnsInstrumentation() {
    }

    static void declare(Catalogue c) {
        String inet = "java/net/InetAddress";
        c.timedExact(inet, "getByName", "(Ljava/lang/String;)Ljava/net/InetAddress;", Category.DNS,
                "java.net.InetAddress.getByName", HOST_NAME, FIRST_ARG);
        c.timedExact(inet, "getAllByName", "(Ljava/lang/String;)[Ljava/net/InetAddress;", Category.DNS,
                "java.net.InetAddress.getAllByName", HOST_NAME, FIRST_ARG);
        c.timedExact(inet, "getLocalHost", null, Category.DNS, "java.net.InetAddress.getLocalHost", 0, NONE);
        c.timedExact(inet, "getCanonicalHostName", null, Category.DNS, "java.net.InetAddress.getCanonicalHostName", 0, THIS);
        // JDK 17
        c.timedExact(inet + "$PlatformNameService", "lookupAllHostAddr", null, Category.DNS,
                "java.net.InetAddress.getAllByName", HOST_NAME, FIRST_ARG);
        c.timedExact(inet + "$PlatformNameService", "getHostByAddr", null, Category.DNS,
                "java.net.InetAddress.getHostName", 0, NONE);
        // JDK 18+
        c.timedExact(inet + "$PlatformResolver", "lookupByName", null, Category.DNS,
                "java.net.InetAddress.getAllByName", HOST_NAME, FIRST_ARG);
        c.timedExact(inet + "$PlatformResolver", "lookupByAddress", null, Category.DNS,
                "java.net.InetAddress.getHostName", 0, NONE);
    }
}
