package welljabber.app.tls;

/** What the user answered in the certificate dialog. */
public enum TrustDecision {
    /** Accept this certificate for this account until WellJabber closes. */
    ONCE,
    /** Accept it for this account from now on (pinned by its SHA-256 fingerprint). */
    ALWAYS,
    CANCEL
}
