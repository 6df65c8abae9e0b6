/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: a rule per category, a result per call site at its
 * first application frame, the stack both as {@code codeFlows} (what GitHub renders) and {@code stacks} (where SARIF
 * says stacks belong), and the call-site id as a line-independent partial fingerprint. Both stack forms are bounded
 * excerpts and a run holds at most 25 000 results, to stay within GitHub's upload limits ({@link
 * io.loopguard.report.sarif.SarifStacks}, {@code reports/README.md}). JDK-only.
 */
package io.loopguard.report.sarif;
