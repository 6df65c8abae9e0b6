/**
 * The catalogue of blocking APIs: one instrumentation class per API family, each declaring the methods to weave,
 * their category, the public API name they are reported under, and what context they hand to the runtime.
 */
package io.loopguard.agent.catalogue;
