/** JUnit 5 integration: fail the test during which a blocking call was recorded on an event-loop thread. */
package io.loopguard.junit;
