/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: a rule per category, a result per call site at its
 * first application frame, the stack both as {@code codeFlows} (what GitHub renders) and {@code stacks} (where SARIF
 * says stacks belong), and the call-site id as a line-independent partial fingerprint. JDK-only.
 */
package io.loopguard.report.sarif;
