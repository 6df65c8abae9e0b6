/**
 * Classes that {@code ClassInitTarget} loads in a loader of its own, one fresh set per scenario, so that one thread
 * links them while another needs them.
 */
package io.loopguard.agent.it.targets.classinit;
