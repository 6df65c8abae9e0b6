/**
 * Writing report and data files so that no reader ever sees half of one: a temporary file in the target's directory,
 * then an atomic rename; and reading the agent's own resources from its jar without {@code JarURLConnection}. JDK-only:
 * the agent writes its data file and HTML report with it inside the user's JVM.
 */
package io.loopguard.format.io;
