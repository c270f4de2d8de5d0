package welljabber.sandbox;

import java.security.cert.X509Certificate;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Smack connection settings for a loopback server: host 127.0.0.1, the port and the XMPP domain
 * given explicitly (so no DNS lookup ever happens), and, with TLS, a trust manager that trusts
 * exactly the server's certificate.
 */
public final class LoopbackConnections {

    /** The resource used when none is given. */
    public static final String DEFAULT_RESOURCE = "sandbox";

    private LoopbackConnections() {
    }

    /** Settings for the server's STARTTLS (or, without TLS, plain) port, without credentials. */
    public static XMPPTCPConnectionConfiguration.Builder builder(ProsodyServer server) {
        return builder(server.host(), server.c2sPort(), server.domain(), server.tls() ? server.certificate() : null,
                DEFAULT_RESOURCE);
    }

    /** Settings for the server's client port, logging in as {@code user}. */
    public static XMPPTCPConnectionConfiguration.Builder builder(ProsodyServer server, String user, String password) {
        return builder(server).setUsernameAndPassword(user, password);
    }

    /** Settings for the server's client port, logging in as {@code user} with {@code resource}. */
    public static XMPPTCPConnectionConfiguration.Builder builder(ProsodyServer server, String user, String password,
            String resource) {
        return withResource(builder(server, user, password), resource);
    }

    /**
     * Settings for any loopback server.
     *
     * @param pinnedCertificate the only certificate to trust (TLS required), or {@code null} for a
     *                          plain connection without TLS
     */
    public static XMPPTCPConnectionConfiguration.Builder builder(String host, int port, String domain,
            X509Certificate pinnedCertificate, String resource) {
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder();
        try {
            builder.setXmppDomain(domain);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid XMPP domain: " + domain, e);
        }
        builder.setHost(host).setPort(port);
        if (pinnedCertificate != null) {
            builder.setSecurityMode(SecurityMode.required)
                    .setCustomX509TrustManager(new PinnedCertificateTrustManager(pinnedCertificate));
        } else {
            builder.setSecurityMode(SecurityMode.disabled);
        }
        return withResource(builder, resource);
    }

    private static XMPPTCPConnectionConfiguration.Builder withResource(XMPPTCPConnectionConfiguration.Builder builder,
            String resource) {
        try {
            return builder.setResource(resource);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid resource: " + resource, e);
        }
    }
}
