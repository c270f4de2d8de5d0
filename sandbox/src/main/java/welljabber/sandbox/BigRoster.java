package welljabber.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The big-roster recipe of the roster benchmark: {@code count} mutual contacts {@code c00000@<domain>},
 * {@code c00001@<domain>}, … named {@code "Contact 0"}, {@code "Contact 1"}, … spread round-robin over
 * the groups {@code "Group 0"} … {@code "Group <groups-1>"}.
 *
 * <p>Put the contacts in an external component's domain ({@link ProsodyServer#componentDomain()}) and
 * a {@link ComponentConnection} can then make them all come online with a {@link PresenceBurst}:
 *
 * <pre>{@code
 * ProsodyServer server = ProsodyOptions.builder().plain().account("me", "secret")
 *         .externalComponent("bots", "bots-secret")
 *         .roster("me", BigRoster.contacts(5000, "bots.localhost"))
 *         .start();
 * }</pre>
 */
public final class BigRoster {

    /** The benchmark's number of groups. */
    public static final int GROUPS = 20;

    private BigRoster() {
    }

    /** The bare JID of contact {@code index}: {@code c00042@bots.localhost}. */
    public static String contactJid(int index, String domain) {
        return "c%05d@%s".formatted(index, domain);
    }

    /** The display name of contact {@code index}: {@code Contact 42}. */
    public static String contactName(int index) {
        return "Contact " + index;
    }

    /** The group of contact {@code index} among {@code groups}: {@code Group 2} for 42 of 20. */
    public static String groupOf(int index, int groups) {
        return "Group " + (index % groups);
    }

    /** {@code count} contacts in {@value #GROUPS} groups. */
    public static List<RosterEntry> contacts(int count, String domain) {
        return contacts(count, GROUPS, domain);
    }

    /** {@code count} mutual contacts ({@code subscription both}) in {@code groups} groups, for {@link ProsodyOptions.Builder#roster}. */
    public static List<RosterEntry> contacts(int count, int groups, String domain) {
        if (count < 0 || groups < 1) {
            throw new IllegalArgumentException("Need count >= 0 and groups >= 1, not " + count + " and " + groups);
        }
        List<RosterEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(RosterEntry.mutual(contactJid(i, domain), contactName(i), groupOf(i, groups)));
        }
        return entries;
    }

    /** The bare JIDs of the first {@code count} contacts, in order. */
    public static List<String> jids(int count, String domain) {
        List<String> jids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jids.add(contactJid(i, domain));
        }
        return jids;
    }
}
