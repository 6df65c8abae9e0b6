package io.loopguard.bench;

/** The start-up benchmark's whole program: the cost measured is the JVM's, plus whatever agent is attached. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
