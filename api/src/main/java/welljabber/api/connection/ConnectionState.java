package welljabber.api.connection;

/** The life of one account's connection as users see it in the status bar. */
public enum ConnectionState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** The connection dropped without the user asking; the client is trying to get it back. */
    RECONNECTING,
    /** Connecting failed; {@link ConnectionStateChanged#message()} says why in a plain sentence. */
    FAILED
}
