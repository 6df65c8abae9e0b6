/**
 * The command line ({@code java -jar loopguard-reports.jar report|check|baseline}): argument parsing, console
 * output and exit codes over the library packages. The only package allowed SLF4J or any other library; the agent
 * does not bundle it.
 */
package io.loopguard.report.cli;
