/** Output: the periodic and final data file, the HTML report at exit, the stderr summary and log lines. */
package io.loopguard.agent.output;
