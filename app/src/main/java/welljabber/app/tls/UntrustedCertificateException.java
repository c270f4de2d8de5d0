package welljabber.app.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server showed a certificate that neither the system's trust store nor the user vouches for.
 * Thrown from the TLS handshake so the connection attempt ends at once; the shell then asks the user
 * and connects again if they trust it, rather than holding the handshake open while a dialog waits.
 */
public final class UntrustedCertificateException extends CertificateException {
    private final transient List<X509Certificate> chain;
    private final String reason;

    public UntrustedCertificateException(List<X509Certificate> chain, String reason, Throwable cause) {
        super("Untrusted server certificate: " + reason, cause);
        this.chain = List.copyOf(chain);
        this.reason = reason;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return chain.getFirst();
    }

    /** Why the system trust store refused it, in the JDK's words (for the dialog's details). */
    public String reason() {
        return reason;
    }
}
