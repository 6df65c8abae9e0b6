package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.FIRST_ARG;
import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.HOST_NAME;

import java.net.InetAddress;

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
final class DnsFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.DNS;
    }

    @Override
    public void declare(Rules rules) {
        String inet = "java/net/InetAddress";
        rules.timedExact(inet, "getByName", "(Ljava/lang/String;)Ljava/net/InetAddress;",
                "java.net.InetAddress.getByName", HOST_NAME, FIRST_ARG);
        rules.timedExact(inet, "getAllByName", "(Ljava/lang/String;)[Ljava/net/InetAddress;",
                "java.net.InetAddress.getAllByName", HOST_NAME, FIRST_ARG);
        rules.timedExact(inet, "getLocalHost", null, "java.net.InetAddress.getLocalHost", 0, NONE);
        rules.timedExact(inet, "getCanonicalHostName", null, "java.net.InetAddress.getCanonicalHostName", 0, THIS);
        // JDK 17
        rules.timedExact(inet + "$PlatformNameService", "lookupAllHostAddr", null,
                "java.net.InetAddress.getAllByName", HOST_NAME, FIRST_ARG);
        rules.timedExact(inet + "$PlatformNameService", "getHostByAddr", null,
                "java.net.InetAddress.getHostName", 0, NONE);
        // JDK 18+
        rules.timedExact(inet + "$PlatformResolver", "lookupByName", null,
                "java.net.InetAddress.getAllByName", HOST_NAME, FIRST_ARG);
        rules.timedExact(inet + "$PlatformResolver", "lookupByAddress", null,
                "java.net.InetAddress.getHostName", 0, NONE);
    }

    /** The host name looked up, or the address whose canonical name is asked for. */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        if (context instanceof String) {
            return (String) context;
        }
        return context instanceof InetAddress ? ((InetAddress) context).getHostAddress() : null;
    }
}
