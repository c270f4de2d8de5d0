package welljabber.app.connection;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.tinylog.Logger;

import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.NegotiationSafeConnection;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.app.account.Account;
import welljabber.app.concurrent.SerialExecutor;
import welljabber.app.presence.PresenceStanzas;
import welljabber.app.tls.AccountTrustManager;
import welljabber.app.tls.PinnedCertificates;

/**
 * One account's Smack connection and its life: connect, log in, send presence, reconnect with
 * back-off after a drop, disconnect. All changes run on one serial queue per account, so a
 * disconnect can never overtake the connect it cancels.
 */
final class AccountConnection {
    /** Back-off for automatic reconnects: 1, 2, 4 s, then every 4 s, so a returning server is seen within seconds. */
    private static final int FIRST_DELAY_SECONDS = 1;
    private static final int MAX_DELAY_SECONDS = 4;

    interface Listener {
        void stateChanged(AccountConnection connection, ConnectionState state, Optional<Throwable> cause);

        void created(AccountConnection connection, XMPPConnection xmpp);

        void disposed(AccountConnection connection, XMPPConnection xmpp);
    }

    private final Executor queue;
    private final PinnedCertificates pins;
    private final Listener listener;
    private volatile Account account;
    private volatile XMPPTCPConnection xmpp;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile boolean userWantsOnline;
    private volatile int backoff = FIRST_DELAY_SECONDS;
    /** Ours on the current connection's ReconnectionManager; taken off again when that connection is disposed. */
    private ReconnectionListener reconnectionWatcher;

    private final java.util.function.BooleanSupplier stanzaLog;

    AccountConnection(Account account, Executor background, PinnedCertificates pins,
            java.util.function.BooleanSupplier stanzaLog, Listener listener) {
        this.stanzaLog = stanzaLog;
        this.account = account;
        this.queue = new SerialExecutor(background);
        this.pins = pins;
        this.listener = listener;
    }

    Account account() {
        return account;
    }

    ConnectionState state() {
        return state;
    }

    Optional<XMPPConnection> authenticated() {
        XMPPTCPConnection current = xmpp;
        return current != null && current.isAuthenticated() ? Optional.of(current) : Optional.empty();
    }

    /** Connects with {@code password}, which is wiped from memory once Smack has its copy. */
    void connect(Account updated, char[] password) {
        queue.execute(() -> {
            try {
                account = updated;
                userWantsOnline = true;
                dispose();
                open(password);
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }

    void disconnect() {
        queue.execute(() -> {
            userWantsOnline = false;
            boolean wasOpen = xmpp != null;
            dispose();
            if (wasOpen || state != ConnectionState.DISCONNECTED) {
                setState(ConnectionState.DISCONNECTED, Optional.empty());
            }
        });
    }

    void sendPresence(OwnPresence presence) {
        queue.execute(() -> {
            account = account.withPresence(presence);
            XMPPTCPConnection current = xmpp;
            if (current != null && current.isAuthenticated()) {
                send(current, presence);
            }
        });
    }

    private void send(XMPPConnection connection, OwnPresence presence) {
        try {
            connection.sendStanza(PresenceStanzas.build(connection, presence, account.priority()));
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            Logger.info("Presence for {} not sent, connection gone: {}", account.jid(), e.getMessage());
        }
    }

    private void open(char[] password) {
        setState(ConnectionState.CONNECTING, Optional.empty());
        SmackSetup.ensure();
        XMPPTCPConnection connection;
        try {
            connection = new NegotiationSafeConnection(ConnectionSettings.build(account, password, new AccountTrustManager(account.id(), pins), stanzaLog.getAsBoolean()));
        } catch (Exception invalid) {
            setState(ConnectionState.FAILED, Optional.of(invalid));
            return;
        }
        connection.setUseStreamManagement(true);
        connection.setUseStreamManagementResumption(true);
        connection.setReplyTimeout(ConnectionSettings.TIMEOUT_MILLIS);
        xmpp = connection;
        watch(connection);
        listener.created(this, connection);
        try {
            connection.connect();
            connection.login();
            // Only once logged in by hand: a failed first login must not start a reconnect loop.
            enableReconnection(connection);
        } catch (SmackException | XMPPException | java.io.IOException | RuntimeException e) {
            Logger.info("Connecting {} failed: {}", account.jid(), e.toString());
            dispose();
            setState(ConnectionState.FAILED, Optional.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispose();
            setState(ConnectionState.DISCONNECTED, Optional.empty());
        }
    }

    private void watch(XMPPTCPConnection connection) {
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (c != xmpp) {
                    return;
                }
                if (!resumed) {
                    OwnPresence initial = account.presence().kind() == PresenceKind.OFFLINE
                            ? new OwnPresence(PresenceKind.AVAILABLE, account.presence().status()) : account.presence();
                    // Sent here, before CONNECTED is told, not through the queue (busy with this login): the chat
                    // plugin asks the archive on CONNECTED, and Prosody hands offline messages only to a session
                    // that has not asked its archive first (mod_mam). Asked first, a new profile stored them as
                    // read history: no badge for what was sent while the user was offline.
                    send(c, initial);
                    queue.execute(() -> account = account.withPresence(initial));
                }
                setState(ConnectionState.CONNECTED, Optional.empty());
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (connection == xmpp && userWantsOnline) {
                    Logger.info("Connection of {} dropped: {}", account.jid(), e.toString());
                    setState(ConnectionState.RECONNECTING, Optional.of(e));
                }
            }
        });
        PingManager.getInstanceFor(connection).setPingInterval(60);
    }

    private void enableReconnection(XMPPTCPConnection connection) {
        ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(connection);
        reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
        reconnection.setFixedDelay(FIRST_DELAY_SECONDS);
        reconnectionWatcher = new ReconnectionListener() {
            @Override
            public void reconnectingIn(int seconds) {
                // Smack announces every second of the countdown; only the state matters here.
            }

            @Override
            public void reconnectionFailed(Exception e) {
                // Smack's policies are either fixed or slow (minutes); back off ourselves, capped low.
                int next = Math.min(MAX_DELAY_SECONDS, Math.max(FIRST_DELAY_SECONDS, backoff * 2));
                backoff = next;
                reconnection.setFixedDelay(next);
                if (userWantsOnline) {
                    setState(ConnectionState.RECONNECTING, Optional.of(e));
                }
            }
        };
        reconnection.addReconnectionListener(reconnectionWatcher);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                backoff = FIRST_DELAY_SECONDS;
                reconnection.setFixedDelay(FIRST_DELAY_SECONDS);
            }
        });
        reconnection.enableAutomaticReconnection();
    }

    private void dispose() {
        XMPPTCPConnection old = xmpp;
        if (old == null) {
            return;
        }
        xmpp = null;
        ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(old);
        reconnection.disableAutomaticReconnection();
        reconnection.abortPossiblyRunningReconnection();
        // Smack keeps every connection's manager in a static map, weakly keyed by the connection but holding its
        // listeners strongly. Ours, left there, kept a closed shell's whole object graph reachable (and through it
        // the connection that is the map's key): every shell a JVM had opened stayed in its heap.
        if (reconnectionWatcher != null) {
            reconnection.removeReconnectionListener(reconnectionWatcher);
            reconnectionWatcher = null;
        }
        try {
            if (old.isConnected()) {
                old.disconnect(old.getStanzaFactory().buildPresenceStanza()
                        .ofType(org.jivesoftware.smack.packet.Presence.Type.unavailable).build());
            } else {
                old.instantShutdown();
            }
        } catch (SmackException.NotConnectedException | RuntimeException e) {
            Logger.debug("Closing the connection of {}: {}", account.jid(), e.toString());
        }
        listener.disposed(this, old);
    }

    /** True when the work queued so far has run, false if that took longer than {@code nanos}. */
    boolean awaitQueue(long nanos) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        queue.execute(done::countDown);
        try {
            return done.await(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setState(ConnectionState newState, Optional<Throwable> cause) {
        state = newState;
        listener.stateChanged(this, newState, cause);
    }
}
