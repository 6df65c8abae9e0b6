/** The agent's entry point, its options, and its one output channel (stderr). */
package io.loopguard.agent;
