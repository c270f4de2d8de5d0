package welljabber.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import welljabber.api.connection.NegotiationSafeConnection;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.ProsodyServer;

/**
 * Smack clients for a test's server, of the kind the shell makes ({@link NegotiationSafeConnection}). Connections made here are disconnected when the test ends
 * (when injected by {@link ProsodyExtension}) or on {@link #close()}.
 */
public final class XmppTestClients implements AutoCloseable {

    private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger(1);

    private final ProsodyServer server;
    private final List<AbstractXMPPConnection> connections = new ArrayList<>();

    public XmppTestClients(ProsodyServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    public ProsodyServer server() {
        return server;
    }

    /**
     * Connection settings preset for the loopback server: host 127.0.0.1, its port, domain
     * {@code localhost}, resource {@value LoopbackConnections#DEFAULT_RESOURCE}, and (with TLS) a
     * trust manager that trusts exactly the server's certificate. No credentials.
     */
    public XMPPTCPConnectionConfiguration.Builder configBuilder() {
        return LoopbackConnections.builder(server);
    }

    /** {@link #configBuilder()} with credentials. */
    public XMPPTCPConnectionConfiguration.Builder configBuilder(String user, String password) {
        return LoopbackConnections.builder(server, user, password);
    }

    /** A connection for {@code user}, not yet connected; disconnected at the end of the test. */
    public XMPPTCPConnection connection(String user, String password) {
        return track(new NegotiationSafeConnection(configBuilder(user, password).build()));
    }

    /** A connection with these settings, not yet connected; disconnected at the end of the test. */
    public XMPPTCPConnection connection(XMPPTCPConnectionConfiguration configuration) {
        return track(new NegotiationSafeConnection(configuration));
    }

    /** Connects and logs in as {@code user}. */
    public XMPPTCPConnection login(String user, String password)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection connection = connection(user, password);
        connection.connect().login();
        return connection;
    }

    /** Connects and logs in as an account the server was configured with. */
    public XMPPTCPConnection login(String user) throws SmackException, IOException, XMPPException, InterruptedException {
        return login(user, server.password(user));
    }

    /** Registers a new account with a unique name (prefix + number) and a random password. */
    public TestAccount newAccount(String prefix) {
        String user = prefix + NEXT_ACCOUNT.getAndIncrement();
        String password = UUID.randomUUID().toString();
        server.registerAccount(user, password);
        return new TestAccount(user, password, server.jid(user));
    }

    /** Registers a new account named {@code user<n>}. */
    public TestAccount newAccount() {
        return newAccount("user");
    }

    /** Connects and logs in as a previously created account. */
    public XMPPTCPConnection login(TestAccount account) throws SmackException, IOException, XMPPException, InterruptedException {
        return login(account.user(), account.password());
    }

    /** Has this object disconnect {@code connection} at the end of the test. */
    public synchronized <C extends AbstractXMPPConnection> C track(C connection) {
        connections.add(connection);
        return connection;
    }

    /** Disconnects every connection made or tracked here. */
    @Override
    public synchronized void close() {
        for (AbstractXMPPConnection connection : connections) {
            try {
                connection.disconnect();
            } catch (RuntimeException e) {
                // already gone; keep closing the others
            }
        }
        connections.clear();
    }
}
