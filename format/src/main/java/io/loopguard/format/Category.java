package io.loopguard.format;

import java.util.Locale;

/** The categories of blocking calls; {@link #id()} is the value of {@code category} in the data file. */
public enum Category {
    SLEEP, WAIT, LOCK, FUTURE, PARK, FILE, SOCKET, DNS, JDBC, PROCESS, MONITOR, PINNING, STALL;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in the data file, e.g. {@code jdbc}. */
    public String id() {
        return id;
    }

    /**
     * The category with this {@link #id()}.
     *
     * @throws IllegalArgumentException naming the value and the known ids
     */
    public static Category fromId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return category;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Category category : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(category.id);
        }
        throw new IllegalArgumentException("unknown category '" + id + "', expected one of " + known);
    }
}
