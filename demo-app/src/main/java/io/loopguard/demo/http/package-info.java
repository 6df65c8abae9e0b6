/**
 * The HTTP endpoints. Each {@code *Endpoints} class holds one pair: {@code blocking} does the work on the event loop
 * (the mistake loopguard finds), {@code async} does the same work the right way. Nothing here logs per request: console
 * output on the event loop is itself a blocking write.
 */
package io.loopguard.demo.http;
