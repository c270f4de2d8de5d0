package welljabber.sandbox;

import java.util.Locale;

/** The subscription state of a roster item (RFC 6121 §2.1.2.5), as Prosody stores it. */
public enum Subscription {
    /** Neither side sees the other's presence. */
    NONE,
    /** The user sees the contact's presence. */
    TO,
    /** The contact sees the user's presence. */
    FROM,
    /** Both see each other's presence. */
    BOTH;

    /** The value Prosody writes in its roster files: {@code "none"}, {@code "to"}, {@code "from"}, {@code "both"}. */
    public String prosodyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
