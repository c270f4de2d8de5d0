package welljabber.app.tls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import welljabber.app.storage.Database;

class AccountTrustManagerTest {
    @TempDir
    static Path folder;
    private static SelfSignedCertificate selfSigned;
    private static Database database;
    private static PinnedCertificates pins;

    @BeforeAll
    static void setUp() throws Exception {
        selfSigned = SelfSignedCertificate.generate(folder);
        database = Database.open(folder.resolve("welljabber"));
        PinnedCertificatesTest.saveAccounts(database);
        pins = new PinnedCertificates(database);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    private static X509Certificate[] chain() {
        return new X509Certificate[] {selfSigned.certificate()};
    }

    @Test
    void selfSignedIsRefusedWithTheChainThenAcceptedOnceItIsPinnedForThatAccountOnly() {
        AccountTrustManager alice = new AccountTrustManager(PinnedCertificatesTest.ALICE, pins);
        AccountTrustManager bob = new AccountTrustManager(PinnedCertificatesTest.BOB, pins);

        UntrustedCertificateException refused = assertThrows(UntrustedCertificateException.class,
                () -> alice.checkServerTrusted(chain(), "RSA"));
        assertEquals(List.of(selfSigned.certificate()), refused.chain());
        assertSame(selfSigned.certificate(), refused.leaf());
        assertNotNull(refused.reason());
        assertTrue(refused.getCause() instanceof CertificateException, String.valueOf(refused.getCause()));
        assertEquals(selfSigned.opensslSha256(), Fingerprint.sha256(refused.leaf()));

        pins.pin(PinnedCertificatesTest.ALICE, Fingerprint.sha256(refused.leaf()),
                refused.leaf().getSubjectX500Principal().getName());
        assertDoesNotThrow(() -> alice.checkServerTrusted(chain(), "RSA"));
        UntrustedCertificateException stillRefused = assertThrows(UntrustedCertificateException.class,
                () -> bob.checkServerTrusted(chain(), "RSA"));
        assertEquals(List.of(selfSigned.certificate()), stillRefused.chain());
    }

    @Test
    void sessionTrustAcceptsUntilANewPinnedCertificatesIsMade() {
        PinnedCertificates session = new PinnedCertificates(database);
        AccountTrustManager bob = new AccountTrustManager(PinnedCertificatesTest.BOB, session);
        assertThrows(UntrustedCertificateException.class, () -> bob.checkServerTrusted(chain(), "RSA"));
        session.trustForSession(PinnedCertificatesTest.BOB, Fingerprint.sha256(selfSigned.certificate()));
        assertDoesNotThrow(() -> bob.checkServerTrusted(chain(), "RSA"));
        AccountTrustManager afterRestart = new AccountTrustManager(PinnedCertificatesTest.BOB, new PinnedCertificates(database));
        assertThrows(UntrustedCertificateException.class, () -> afterRestart.checkServerTrusted(chain(), "RSA"));
    }

    @Test
    void hostnameCheckIsWaivedOnlyForAUserTrustedLeaf() {
        PinnedCertificates session = new PinnedCertificates(database);
        AccountTrustManager bob = new AccountTrustManager(PinnedCertificatesTest.BOB, session);
        SSLSession tls = sessionShowing(selfSigned.certificate());
        HostnameVerifier refusesAll = (hostname, ignored) -> false;
        HostnameVerifier acceptsAll = (hostname, ignored) -> true;
        assertFalse(bob.hostnameVerifier(refusesAll).verify("xmpp.example.org", tls));
        assertTrue(bob.hostnameVerifier(acceptsAll).verify("xmpp.example.org", tls));
        session.trustForSession(PinnedCertificatesTest.BOB, Fingerprint.sha256(selfSigned.certificate()));
        assertTrue(bob.hostnameVerifier(refusesAll).verify("xmpp.example.org", tls));
        assertFalse(new AccountTrustManager(PinnedCertificatesTest.ALICE, new PinnedCertificates(database))
                .hostnameVerifier(refusesAll).verify("xmpp.example.org", tls));
    }

    /** Only getPeerCertificates is needed; a JDK interface, so a proxy rather than a TLS server. */
    private static SSLSession sessionShowing(X509Certificate leaf) {
        return (SSLSession) Proxy.newProxyInstance(AccountTrustManagerTest.class.getClassLoader(),
                new Class<?>[] {SSLSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPeerCertificates")) {
                        return new Certificate[] {leaf};
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void emptyChainIsRefused() {
        AccountTrustManager manager = new AccountTrustManager(PinnedCertificatesTest.BOB, pins);
        CertificateException refused = assertThrows(CertificateException.class,
                () -> manager.checkServerTrusted(new X509Certificate[0], "RSA"));
        assertFalse(refused instanceof UntrustedCertificateException);
        assertThrows(CertificateException.class, () -> manager.checkServerTrusted(null, "RSA"));
    }

    @Test
    void clientCertificatesAreNeverAccepted() {
        AccountTrustManager manager = new AccountTrustManager(PinnedCertificatesTest.ALICE, pins);
        assertThrows(CertificateException.class, () -> manager.checkClientTrusted(chain(), "RSA"));
    }

    @Test
    void acceptedIssuersComeFromTheSystemStore() {
        assertTrue(new AccountTrustManager(PinnedCertificatesTest.ALICE, pins).getAcceptedIssuers().length > 0);
    }
}
