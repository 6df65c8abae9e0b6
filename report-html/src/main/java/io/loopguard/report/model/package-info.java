/**
 * Reading one or many data files and merging them by call-site id into a {@link io.loopguard.report.model.MergedReport},
 * the single input of every report format and of the check. JDK-only (bundled into the agent).
 */
package io.loopguard.report.model;
