/**
 * The loopguard demo: a Vert.x service on PostgreSQL whose endpoints come in pairs, the blocking way on the event loop
 * and the right way, plus {@code --drive}, which measures what the blocking way does to a neighbour. It knows nothing
 * of the agent: Vert.x event loops are auto-detected.
 */
package io.loopguard.demo;
