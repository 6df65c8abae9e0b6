package io.loopguard.agent.catalogue;

import java.util.List;

/**
 * The JVM's own work that happens once, not per request: class loading (which reads jar files — two file calls per
 * class otherwise, instrumentation.md pitfall 5) and class initialisation (whose I/O is configuration loading, e.g.
 * Netty's {@code NetUtil} reading {@code somaxconn}), and what the JVM does on behalf of a class definition: every
 * {@code ClassFileTransformer} of every agent (OpenTelemetry reading its own jar through Byte Buddy, JaCoCo, Mockito's
 * inline mock maker) runs under {@code TransformerManager.transform}, and linking a lambda or any {@code invokedynamic}
 * call site (a hidden class spun and defined, transformed by those agents) runs under
 * {@code MethodHandleNatives.linkCallSite}; the VM's other linkage upcalls in that class are JVM machinery too.
 * Generic on purpose: no agent is named. Weaves nothing but allowed scopes.
 */
final class JvmMachineryFamily extends AllowancesOnly {
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(
                AllowDefault.scope("java/lang/ClassLoader", "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;"),
                AllowDefault.scope("jdk/internal/loader/BuiltinClassLoader", "loadClassOrNull", "(Ljava/lang/String;Z)Ljava/lang/Class;"),
                AllowDefault.onStack("*#<clinit>"),
                AllowDefault.scope("sun/instrument/TransformerManager", "transform", null),
                AllowDefault.scope("java/lang/invoke/MethodHandleNatives", "linkCallSite", null),
                AllowDefault.scope("java/lang/invoke/MethodHandleNatives", "linkDynamicConstant", null),
                // The VM's other linkage upcalls, once per call site like linkCallSite: a MethodType interned for a
                // method-handle or VarHandle call (seen in CI: a loop's first LongAdder.add waited 2.4 ms for the
                // JVM-wide MethodType table's ReferenceQueue lock), a signature-polymorphic call linked, a
                // method-handle constant resolved. On the stack only: weaving them would put hooks into the linkage
                // of the runtime's own method handles.
                AllowDefault.onStack("java.lang.invoke.MethodHandleNatives#findMethodHandleType"),
                AllowDefault.onStack("java.lang.invoke.MethodHandleNatives#linkMethod"),
                AllowDefault.onStack("java.lang.invoke.MethodHandleNatives#linkMethodHandleConstant"),
                // JFR registering an event class, once per class, usually from its <clinit> (Netty 4.2's
                // AllocateBufferEvent on a loop's first allocation): it takes JFR's metadata lock, which a recording
                // starting at that moment holds (the agent's own stream at the first registration, or the user's).
                // Seen under load: a Netty 4.2 loop on a virtual thread pinned 31 ms in MetadataRepository.register.
                // For pinning too: the pin is JFR's warm-up, nothing the application can change.
                AllowDefault.onStack("jdk.jfr.FlightRecorder#register"),
                AllowDefault.onStack("jdk.jfr.internal.MetadataRepository#register"));
    }
}
