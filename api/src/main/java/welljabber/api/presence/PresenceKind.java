package welljabber.api.presence;

/** Presence as users pick it and see it, mapped to RFC 6121 availability and "show" values. */
public enum PresenceKind {
    AVAILABLE,
    CHAT,
    AWAY,
    EXTENDED_AWAY,
    DO_NOT_DISTURB,
    OFFLINE
}
