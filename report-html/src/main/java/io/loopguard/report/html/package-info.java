/**
 * The single-file HTML report: one template resource ({@code report.html}, inline CSS and JS) with one marker where
 * the data goes as JSON, escaped so that no data string can close the {@code <script>} element; the page builds its
 * DOM with {@code textContent} only. JDK-only: the agent calls {@link io.loopguard.report.html.HtmlReport#writeIndex}
 * at JVM exit.
 */
package io.loopguard.report.html;
