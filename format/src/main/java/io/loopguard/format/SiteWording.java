package io.loopguard.format;

/**
 * How reports name what happened at a call site: {@code blocking jdbc call java.sql.Statement.executeQuery} for a
 * blocking call, {@code stall in org.mindrot.jbcrypt.BCrypt.hashpw} for a stall (no call blocked there: the loop
 * was busy running that code). One place, so the CLI, SARIF, JUnit XML and GitHub annotations say it alike.
 */
public final class SiteWording {

    private SiteWording() {
    }

    /** {@code blocking <category> call}, or {@code stall}. */
    public static String kind(String category) {
        return Category.STALL.id().equals(category) ? "stall" : "blocking " + category + " call";
    }

    /** {@code blocking <category> call <method>}, or {@code stall in <method>}. */
    public static String what(String category, String blockingMethod) {
        return Category.STALL.id().equals(category) ? "stall in " + blockingMethod
                : "blocking " + category + " call " + blockingMethod;
    }

    /**
     * What a site's {@code detail} is, as a label: {@code busiest frame} for a stall (the frame its samples caught on
     * top most often), {@code detail} for a blocking call (its path, host or SQL).
     */
    public static String detailLabel(String category) {
        return Category.STALL.id().equals(category) ? "busiest frame" : "detail";
    }

    /** {@link #what} with a capital first letter, to begin a sentence. */
    public static String sentence(String category, String blockingMethod) {
        return capitalized(what(category, blockingMethod));
    }

    /** {@code text} with a capital first letter. */
    public static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
