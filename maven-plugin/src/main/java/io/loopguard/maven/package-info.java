/** Maven goals for loopguard: thin adapters over the agent's options and the reports library. */
package io.loopguard.maven;
