/**
 * GitHub Actions output of {@code check}: workflow-command annotations on the lines that block, and a Markdown step
 * summary. Active only when {@code GITHUB_ACTIONS=true}; the environment is passed in, never read here, so tests and
 * other CI systems are unaffected.
 */
package io.loopguard.report.github;
