package welljabber.sandbox;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What a client needs to log in to a sandbox server.
 *
 * @param jid                          the account's bare JID, for example {@code me@localhost}
 * @param password                     its password
 * @param host                         the address to connect to (always {@code 127.0.0.1})
 * @param port                         the client port (STARTTLS)
 * @param certificateSha256Fingerprint the SHA-256 fingerprint of the server's self-signed
 *                                     certificate (colon-separated upper-case hex), to pin it
 * @param certificate                  that certificate
 */
public record SandboxLogin(String jid, String password, String host, int port, String certificateSha256Fingerprint,
        X509Certificate certificate) {

    public SandboxLogin {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(host, "host");
    }

    /** The domain part of the JID. */
    public String domain() {
        return jid.substring(jid.indexOf('@') + 1);
    }

    /** The local part of the JID. */
    public String user() {
        return jid.substring(0, jid.indexOf('@'));
    }

    @Override
    public String toString() {
        return "SandboxLogin[" + jid + " at " + host + ":" + port + ", certificate SHA-256 " + certificateSha256Fingerprint + "]";
    }
}
