/**
 * Recording: stack capture, call-site aggregation (bounded), the allow-list (built-in defaults from the families,
 * plus the {@code allow} option), and thread-name matching. What depends on the API — the detail, the throw-mode
 * decision, the machinery rule — is asked of the call's family through its site. Runs in the agent's class loader,
 * called from the runtime.
 */
package io.loopguard.agent.record;
