/**
 * The verdict: rules ({@code --max-sites}, {@code --max-blocked}, {@code --categories}) applied to a merged report,
 * and the baseline that lets legacy code adopt loopguard failing only on new call sites. A library API, so that the
 * CLI and the Maven plugin are thin adapters (as JaCoCo's {@code check} goal is over its report library). JDK-only.
 */
package io.loopguard.report.check;
