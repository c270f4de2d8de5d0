package welljabber.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Makes many contacts of an external component's domain come online at once: one available presence
 * per contact, from {@code <contact>/}{@value #RESOURCE}, to a local user's bare JID, written back to
 * back through a {@link ComponentConnection} and flushed once. Prosody hands a presence to a bare JID
 * to every session of that user that has sent its initial presence.
 *
 * <p>What each contact shows is a function of its index and the round, so a second round changes every
 * contact and a test can check what it sees: {@link #show}, {@link #status}, {@link #priority}.
 */
public final class PresenceBurst {

    /** The resource every contact is online with. */
    public static final String RESOURCE = "desk";

    /** The {@code <show/>} values cycled through; the empty string means none (plain available). */
    public static final List<String> SHOWS = List.of("chat", "away", "xa", "dnd", "");

    private final ComponentConnection component;
    private final String to;
    private final List<String> contacts;

    /**
     * @param to       the local user's bare JID, for example {@code me@localhost}
     * @param contacts the contacts' bare JIDs, all in the component's domain (see {@link BigRoster#jids})
     */
    public PresenceBurst(ComponentConnection component, String to, List<String> contacts) {
        this.component = Objects.requireNonNull(component, "component");
        this.to = Objects.requireNonNull(to, "to");
        this.contacts = List.copyOf(contacts);
    }

    /** How many presences one round sends. */
    public int size() {
        return contacts.size();
    }

    /**
     * Sends one presence per contact for {@code round} (0 for the first, 1 for a round of changes, …)
     * as fast as the socket takes them, then flushes.
     *
     * @return the number of presences sent
     */
    public int send(int round) throws IOException {
        for (int i = 0; i < contacts.size(); i++) {
            component.send(stanza(contacts.get(i) + "/" + RESOURCE, to, show(i, round), status(i, round), priority(i, round)));
        }
        component.flush();
        return contacts.size();
    }

    /** The show of contact {@code index} in {@code round}: one of {@link #SHOWS}, {@code ""} for none. */
    public static String show(int index, int round) {
        return SHOWS.get(Math.floorMod(index + round, SHOWS.size()));
    }

    /** The status text of contact {@code index} in {@code round}. */
    public static String status(int index, int round) {
        return "Round " + round + ": status of contact " + index;
    }

    /** The priority of contact {@code index} in {@code round}, 0 to 9. */
    public static int priority(int index, int round) {
        return Math.floorMod(index + round, 10);
    }

    /** An available presence as raw XML ({@code show} empty for none, {@code status} {@code null} for none). */
    public static String stanza(String from, String to, String show, String status, int priority) {
        StringBuilder xml = new StringBuilder(160);
        xml.append("<presence from='").append(escape(from)).append("' to='").append(escape(to)).append("'>");
        if (show != null && !show.isEmpty()) {
            xml.append("<show>").append(escape(show)).append("</show>");
        }
        if (status != null) {
            xml.append("<status>").append(escape(status)).append("</status>");
        }
        xml.append("<priority>").append(priority).append("</priority></presence>");
        return xml.toString();
    }

    /** Escapes text for XML character data and single- or double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
