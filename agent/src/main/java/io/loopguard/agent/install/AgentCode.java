package io.loopguard.agent.install;

import java.security.CodeSource;
import java.security.ProtectionDomain;

import io.loopguard.agent.weave.HookNames;

/**
 * Recognises the agent's own classes, which are never woven: the runtime inside {@code java.base}, and whatever comes
 * from the agent jar itself. Decided by code source rather than by package name, so that application code in an
 * {@code io.loopguard...} package (tests, examples) is treated like any other application code.
 */
final class AgentCode {
    private static final String AGENT_LOCATION = location(AgentCode.class.getProtectionDomain());

    private AgentCode() {
    }

    static boolean isAgentClass(String className, ProtectionDomain domain) {
        if (className.startsWith(HookNames.HOLDER_PREFIX)) {
            return true;
        }
        if (!className.startsWith("io/loopguard/")) {
            return false;
        }
        String location = location(domain);
        return location == null || location.equals(AGENT_LOCATION);
    }

    private static String location(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source == null || source.getLocation() == null ? null : source.getLocation().toString();
    }
}
