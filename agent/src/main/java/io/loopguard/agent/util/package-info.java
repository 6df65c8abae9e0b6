/** Small helpers shared by the agent's packages. */
package io.loopguard.agent.util;
