package io.loopguard.agent.it.targets.classinit;

/** A supertype the verifier must load to check {@link Linked#up}. */
public class Base {
}
