/**
 * Entry points over the report packages that every adapter (CLI, Maven plugin) needs: writing all report files of a
 * merged report at once. JDK-only.
 */
package io.loopguard.report;
