package welljabber.app.tls;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import welljabber.api.account.AccountId;

/**
 * Validates a server certificate for one account: the system's trust store first, then the
 * certificates the user trusted for this account. Anything else fails the handshake with an
 * {@link UntrustedCertificateException} carrying the chain, for the trust dialog.
 */
public final class AccountTrustManager implements X509TrustManager {
    private final AccountId account;
    private final PinnedCertificates pins;
    private final X509TrustManager system;

    public AccountTrustManager(AccountId account, PinnedCertificates pins) {
        this.account = account;
        this.pins = pins;
        this.system = systemTrustManager();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate");
        }
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException refused) {
            if (!userTrusts(chain[0])) {
                throw new UntrustedCertificateException(Arrays.asList(chain), refused.getMessage(), refused);
            }
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("WellJabber does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    private boolean userTrusts(X509Certificate leaf) {
        return pins.isTrusted(account, Fingerprint.sha256(leaf));
    }

    /**
     * Smack's XMPP host name check, except that a certificate the user explicitly trusted for this
     * account by fingerprint is accepted whatever names it carries: the user has seen and accepted
     * exactly that certificate.
     */
    public HostnameVerifier hostnameVerifier(HostnameVerifier standard) {
        return (hostname, session) -> standard.verify(hostname, session) || leafIsUserTrusted(session);
    }

    private boolean leafIsUserTrusted(SSLSession session) {
        try {
            var certificates = session.getPeerCertificates();
            return certificates.length > 0 && certificates[0] instanceof X509Certificate leaf && userTrusts(leaf);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JDK offers no X.509 trust manager");
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("Cannot read the system's trusted certificates", e);
        }
    }
}
