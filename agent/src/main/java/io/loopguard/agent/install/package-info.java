/**
 * Start-up wiring: defining the runtime inside {@code java.base}, the method-handle bridge to it, the class-file
 * transformer, retransformation of already-loaded JDK classes, and the JDK 17/25 differences ({@code JdkDifferences}
 * chooses the native-call strategy once, in {@code premain}).
 */
package io.loopguard.agent.install;
