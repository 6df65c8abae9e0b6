/**
 * Recording: stack capture, call-site aggregation (bounded), the allow-list, details (paths, addresses, masked SQL),
 * the throw-mode decision, and thread-name matching. Runs in the agent's class loader, called from the runtime.
 */
package io.loopguard.agent.record;
