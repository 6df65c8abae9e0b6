/**
 * The JDK-only JSON toolkit under the data file and the reports: a strict parser that keeps positions for error
 * messages, a tree, string quoting, and an unsynchronised text buffer. It knows nothing of loopguard's formats, so the
 * data file, the baseline and SARIF share it without depending on each other.
 */
package io.loopguard.format.json;
