/** The application-facing loopguard API: register event-loop threads; the error thrown in {@code mode=throw}. */
package io.loopguard;
