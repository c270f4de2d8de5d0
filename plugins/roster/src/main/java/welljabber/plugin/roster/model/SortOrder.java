package welljabber.plugin.roster.model;

import welljabber.api.presence.PresenceKind;

/** How contacts are ordered inside a group. */
public enum SortOrder {
    BY_NAME, BY_PRESENCE;

    /** Most reachable first: free for chat, available, away, do not disturb, extended away, offline. */
    static int rank(PresenceKind kind) {
        return switch (kind) {
            case CHAT -> 0;
            case AVAILABLE -> 1;
            case AWAY -> 2;
            case DO_NOT_DISTURB -> 3;
            case EXTENDED_AWAY -> 4;
            case OFFLINE -> 5;
        };
    }
}
