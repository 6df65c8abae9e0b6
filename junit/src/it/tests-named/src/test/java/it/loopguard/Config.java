package it.loopguard;

/** A configuration helper that blocks: every test that reaches it on the loop is named. */
final class Config {
    static String read(String key) {
        try {
            Thread.sleep(20); // the blocking call: line 7
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return key;
    }

    private Config() {
    }
}
