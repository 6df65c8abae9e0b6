package io.loopguard.agent.catalogue;

import java.util.List;

/**
 * The curated, versioned list of frameworks' published allowances for real blocking work on their loops: calls under
 * these methods are <em>recorded as allowed</em> (the data file's {@code allowedBy}: counted, shown in the report's own
 * section with the allowance that matched, never a violation), not dropped like the JVM's machinery and the user's
 * {@code allow} entries. Each entry is taken from what the framework itself publishes, read from its jar:
 * <ul>
 *   <li>{@code netty}: Netty's {@code io.netty.util.internal.Hidden$NettyBlockHoundIntegration}, identical in 4.1.115
 *       and 4.2.18 but for the entries marked 4.2. Its machinery entries (task queues, allocator locks, the timer's
 *       start and stop) are silent defaults instead ({@code FrameworkMachineryFamily}); what is here does I/O or
 *       sleeps: a TLS handshake's random bytes from {@code /dev/urandom} and its delegated tasks, parsing
 *       {@code /etc/resolv.conf} and {@code /etc/hosts}, {@code somaxconn}, a native library's temporary file, the
 *       one-second back-off after an unexpected loop failure.</li>
 * </ul>
 * Reactor (3.7.1) publishes machinery only (silent defaults). Vert.x 4.5 publishes none; gRPC, Lettuce, Reactor Netty,
 * Quarkus and Micronaut are not listed: their lists were not verified against their jars.
 *
 * <p>Not applied to {@code pinning} (a pin is a pin, whatever the framework allows) or {@code stall} (an allowance
 * is about blocking calls, not about burning the loop's CPU).
 */
public final class FrameworkAllowances {

    /**
     * One allowance.
     *
     * @param list    the framework whose list it is, e.g. {@code netty}
     * @param pattern a frame pattern ({@code pkg.Class#method}, the {@code allow} option's syntax) matched anywhere on
     *                the call's stack
     * @param why     what the framework does there, for the README and the report
     */
    public record Allowance(String list, String pattern, String why) {
        /** What the data file's {@code allowedBy} says: {@code list: pattern}. */
        public String id() {
            return list + ": " + pattern;
        }
    }

    private static final String TLS = "TLS handshake: random bytes (/dev/urandom), certificate checks";
    private static final List<Allowance> ALL = List.of(
            new Allowance("netty", "io.netty.handler.ssl.SslHandler#handshake", TLS),
            new Allowance("netty", "io.netty.handler.ssl.SslHandler#runAllDelegatedTasks", TLS),
            new Allowance("netty", "io.netty.handler.ssl.SslHandler#runDelegatedTasks", TLS),
            new Allowance("netty", "sun.security.ssl.SSLEngineImpl#wrap", TLS + " (listed by Netty for TLS 1.3)"),
            new Allowance("netty", "sun.security.ssl.SSLEngineImpl#unwrap", TLS + " (listed by Netty for TLS 1.3)"),
            new Allowance("netty", "io.netty.handler.ssl.JdkSslContext$Defaults#init",
                    "the JDK's default TLS context, initialised once"),
            new Allowance("netty",
                    "io.netty.handler.ssl.ReferenceCountedOpenSslClientContext$ExtendedTrustManagerVerifyCallback#verify",
                    "OpenSSL calling back into the JDK trust manager"),
            new Allowance("netty", "io.netty.resolver.dns.UnixResolverDnsServerAddressStreamProvider#parse",
                    "reads /etc/resolv.conf"),
            new Allowance("netty",
                    "io.netty.resolver.dns.UnixResolverDnsServerAddressStreamProvider#parseEtcResolverSearchDomains",
                    "reads /etc/resolv.conf"),
            new Allowance("netty",
                    "io.netty.resolver.dns.UnixResolverDnsServerAddressStreamProvider#parseEtcResolverOptions",
                    "reads /etc/resolv.conf"),
            new Allowance("netty", "io.netty.resolver.HostsFileEntriesProvider$ParserImpl#parse", "reads /etc/hosts"),
            new Allowance("netty", "io.netty.util.NetUtil$SoMaxConnAction#run",
                    "reads /proc/sys/net/core/somaxconn"),
            new Allowance("netty", "io.netty.util.internal.PlatformDependent#createTempFile",
                    "a temporary file for a native library"),
            new Allowance("netty", "io.netty.channel.nio.NioEventLoop#handleLoopException",
                    "sleeps a second after an unexpected failure of the loop"),
            new Allowance("netty", "io.netty.channel.epoll.EpollEventLoop#handleLoopException",
                    "sleeps a second after an unexpected failure of the loop"),
            new Allowance("netty", "io.netty.channel.kqueue.KQueueEventLoop#handleLoopException",
                    "sleeps a second after an unexpected failure of the loop"),
            new Allowance("netty", "io.netty.resolver.dns.DnsQueryIdSpace#nextId", "DNS query ids (4.2)"),
            new Allowance("netty", "io.netty.resolver.dns.DnsQueryIdSpace$DnsQueryIdRange#pushId",
                    "DNS query ids (4.2)"));

    private FrameworkAllowances() {
    }

    public static List<Allowance> all() {
        return ALL;
    }
}
