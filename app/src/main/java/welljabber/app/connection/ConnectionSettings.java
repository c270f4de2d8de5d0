package welljabber.app.connection;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

import welljabber.app.account.Account;
import welljabber.app.account.TlsMode;
import welljabber.app.tls.AccountTrustManager;

/** Builds the Smack configuration of one account: TLS, trust, host override, resource. */
final class ConnectionSettings {
    /** Long enough for a slow server, short enough that "cannot connect" shows within ten seconds. */
    static final int TIMEOUT_MILLIS = 8_000;

    private ConnectionSettings() {
    }

    static XMPPTCPConnectionConfiguration build(Account account, char[] password, AccountTrustManager trust,
            boolean stanzaLog) throws XmppStringprepException {
        var builder = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(account.jid().asDomainBareJid())
                .setUsernameAndPassword(account.jid().getLocalpart(), new String(password))
                .setResource(account.resource())
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setSendPresence(false)
                .setCompressionEnabled(false)
                .setCustomX509TrustManager(trust)
                .setHostnameVerifier(trust.hostnameVerifier(new XmppHostnameVerifier()));
        account.host().ifPresent(host -> {
            try {
                builder.setHost(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid server address: " + host, e);
            }
        });
        account.port().ifPresent(builder::setPort);
        if (stanzaLog) {
            builder.enableDefaultDebugger();
            builder.setDebuggerFactory(welljabber.app.logging.StanzaLogDebugger.FACTORY);
        }
        switch (account.tlsMode()) {
            case REQUIRED -> builder.setSecurityMode(SecurityMode.required);
            case IF_POSSIBLE -> builder.setSecurityMode(SecurityMode.ifpossible);
            case DIRECT -> {
                // Smack 4.4's TCP connection only knows STARTTLS; for XEP-0368 the socket itself is TLS
                // from the first byte, so Smack must not try STARTTLS on top. DirectTlsSocketFactory
                // checks the certificate and the host name itself.
                builder.setSecurityMode(SecurityMode.disabled);
                builder.setSocketFactory(new DirectTlsSocketFactory(sslContext(trust), account.jid().getDomain().toString(),
                        trust.hostnameVerifier(new XmppHostnameVerifier())));
            }
        }
        if (account.tlsMode() != TlsMode.DIRECT && account.port().isEmpty() && account.host().isPresent()) {
            builder.setPort(5222);
        }
        return builder.build();
    }

    private static SSLContext sslContext(AccountTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }
}
