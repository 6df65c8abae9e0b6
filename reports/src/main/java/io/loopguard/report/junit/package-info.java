/**
 * JUnit XML (the Ant/Surefire shape) for CI systems that render test reports: one test case per call site, failing
 * when it breaks the check's rules, skipped when baselined. JDK-only.
 */
package io.loopguard.report.junit;
