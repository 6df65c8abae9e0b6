package io.loopguard.agent.it.targets.classinit;

/** The class whose loading {@code ClassInitTarget}'s loader holds back while another thread links {@link Linked}. */
public class Sub extends Base {
}
