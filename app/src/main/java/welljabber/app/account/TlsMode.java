package welljabber.app.account;

/** How an account's connection is protected. */
public enum TlsMode {
    /** STARTTLS on the normal port, refusing to go on without it. The default. */
    REQUIRED,
    /** TLS from the first byte (XEP-0368), usually on port 5223. */
    DIRECT,
    /** Encrypt when the server offers it, otherwise continue in the clear: only for test servers. */
    IF_POSSIBLE
}
