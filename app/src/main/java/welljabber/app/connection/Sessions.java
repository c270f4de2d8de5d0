package welljabber.app.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.jivesoftware.smack.XMPPConnection;
import org.tinylog.Logger;

import welljabber.api.account.AccountId;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.ConnectionStateChanged;
import welljabber.api.connection.SessionListener;
import welljabber.api.connection.XmppSessions;
import welljabber.api.event.EventBus;
import welljabber.api.plugin.Disposable;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.OwnPresenceChanged;
import welljabber.app.account.Account;
import welljabber.app.tls.PinnedCertificates;
import welljabber.app.tls.UntrustedCertificateException;

/**
 * All accounts' connections: what plugins see as {@link XmppSessions}, and what the shell drives
 * (connect, disconnect, presence). State changes go out on the event bus with a plain sentence.
 */
public final class Sessions implements XmppSessions {
    private final Map<AccountId, AccountConnection> connections = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** Every Smack connection created and not yet disposed, with its account's connection. */
    private final Map<XMPPConnection, AccountConnection> live = new ConcurrentHashMap<>();
    /** The connections each listener was told of (and not yet told gone): each is told once, whichever way. */
    private final Map<SessionListener, Set<XMPPConnection>> told = new ConcurrentHashMap<>();
    private final Executor background;
    private final PinnedCertificates pins;
    private final EventBus events;
    private final Function<Throwable, String> explain;
    private final List<UntrustedCertificateHandler> untrustedHandlers = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Account>> loginRefusedHandlers = new CopyOnWriteArrayList<>();

    /** Told when a connection failed on a certificate nobody trusts yet, so the shell can ask the user. */
    @FunctionalInterface
    public interface UntrustedCertificateHandler {
        void untrusted(Account account, UntrustedCertificateException certificate);
    }

    private final java.util.function.BooleanSupplier stanzaLog;

    public Sessions(Executor background, PinnedCertificates pins, EventBus events, Function<Throwable, String> explain,
            java.util.function.BooleanSupplier stanzaLog) {
        this.stanzaLog = stanzaLog;
        this.background = background;
        this.pins = pins;
        this.events = events;
        this.explain = explain;
    }

    public void onUntrustedCertificate(UntrustedCertificateHandler handler) {
        untrustedHandlers.add(handler);
    }

    /** Told when the server refused the account's credentials (SASL failure), so a typed password can be forgotten. */
    public void onLoginRefused(java.util.function.Consumer<Account> handler) {
        loginRefusedHandlers.add(handler);
    }

    public void connect(Account account, char[] password) {
        connectionOf(account).connect(account, password);
    }

    public void disconnect(AccountId account) {
        AccountConnection connection = connections.get(account);
        if (connection != null) {
            connection.disconnect();
        }
    }

    /** Disconnects and forgets the account (it was removed). */
    public void forget(AccountId account) {
        AccountConnection connection = connections.remove(account);
        if (connection != null) {
            connection.disconnect();
        }
    }

    public void setPresence(Account account, OwnPresence presence) {
        AccountConnection connection = connections.get(account.id());
        if (connection != null) {
            connection.sendPresence(presence);
        }
        events.publish(new OwnPresenceChanged(account.id(), presence));
    }

    public void disconnectAll() {
        connections.values().forEach(AccountConnection::disconnect);
    }

    /** Waits until every account's queued work (such as the disconnects just asked for) is done. */
    public void awaitQuiet(java.time.Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (AccountConnection connection : connections.values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !connection.awaitQueue(left)) {
                org.tinylog.Logger.warn("Connections did not close within {}", limit);
                return;
            }
        }
    }

    @Override
    public Optional<XMPPConnection> connection(AccountId account) {
        AccountConnection connection = connections.get(account);
        return connection == null ? Optional.empty() : connection.authenticated();
    }

    @Override
    public List<AccountId> connectedAccounts() {
        List<AccountId> connected = new ArrayList<>();
        connections.forEach((id, connection) -> {
            if (connection.authenticated().isPresent()) {
                connected.add(id);
            }
        });
        return connected;
    }

    @Override
    public ConnectionState state(AccountId account) {
        AccountConnection connection = connections.get(account);
        return connection == null ? ConnectionState.DISCONNECTED : connection.state();
    }

    /**
     * Tells {@code listener} of every connection that exists, logged in or not yet: a plugin that registers
     * while an account is still logging in (the chat plugin does, once its history is open) must hear of that
     * connection too, or it missed it for the connection's whole life, reconnections included, and the
     * messages it brought went unstored.
     */
    @Override
    public Disposable addSessionListener(SessionListener listener) {
        told.put(listener, ConcurrentHashMap.newKeySet());
        listeners.add(listener);
        live.forEach((xmpp, connection) -> tellCreated(listener, connection, xmpp));
        return () -> {
            listeners.remove(listener);
            told.remove(listener);
        };
    }

    private AccountConnection connectionOf(Account account) {
        return connections.computeIfAbsent(account.id(), id -> new AccountConnection(account, background, pins, stanzaLog, new Relay()));
    }

    /**
     * Tells {@code listener} of {@code xmpp} unless it was told already: a connection created while the
     * listener registers is seen both by the registration and by {@link Relay#created}.
     */
    private void tellCreated(SessionListener listener, AccountConnection connection, XMPPConnection xmpp) {
        Set<XMPPConnection> known = told.get(listener);
        if (known == null || !known.add(xmpp)) {
            return;
        }
        try {
            listener.connectionCreated(connection.account().id(), connection.account().jid(), xmpp);
        } catch (RuntimeException | LinkageError e) {
            Logger.error(e, "A session listener failed for {}", connection.account().jid());
        }
        if (!live.containsKey(xmpp)) {
            tellDisposed(listener, connection, xmpp); // disposed meanwhile, before the listener knew of it
        }
    }

    private void tellDisposed(SessionListener listener, AccountConnection connection, XMPPConnection xmpp) {
        Set<XMPPConnection> known = told.get(listener);
        if (known == null || !known.remove(xmpp)) {
            return;
        }
        try {
            listener.connectionDisposed(connection.account().id(), xmpp);
        } catch (RuntimeException | LinkageError e) {
            Logger.error(e, "A session listener failed while {} closed", connection.account().jid());
        }
    }

    private final class Relay implements AccountConnection.Listener {
        @Override
        public void stateChanged(AccountConnection connection, ConnectionState state, Optional<Throwable> cause) {
            Account account = connection.account();
            Optional<UntrustedCertificateException> untrusted = cause.flatMap(Sessions::untrusted);
            Optional<String> message = cause.map(explain);
            events.publish(new ConnectionStateChanged(account.id(), account.jid(), state, message));
            if (state == ConnectionState.FAILED && untrusted.isPresent()) {
                untrustedHandlers.forEach(handler -> handler.untrusted(account, untrusted.get()));
            }
            if (state == ConnectionState.FAILED && cause.filter(Sessions::loginRefused).isPresent()) {
                loginRefusedHandlers.forEach(handler -> handler.accept(account));
            }
        }

        @Override
        public void created(AccountConnection connection, XMPPConnection xmpp) {
            live.put(xmpp, connection);
            listeners.forEach(listener -> tellCreated(listener, connection, xmpp));
        }

        @Override
        public void disposed(AccountConnection connection, XMPPConnection xmpp) {
            live.remove(xmpp);
            listeners.forEach(listener -> tellDisposed(listener, connection, xmpp));
        }
    }

    private static boolean loginRefused(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.jivesoftware.smack.sasl.SASLErrorException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the certificate problem wherever Smack put it: in the cause chain, among suppressed
     * exceptions, or in the per-address failures of an {@code EndpointConnectionException}.
     */
    static Optional<UntrustedCertificateException> untrusted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UntrustedCertificateException untrusted) {
                return Optional.of(untrusted);
            }
            if (t instanceof org.jivesoftware.smack.SmackException.EndpointConnectionException endpoints) {
                for (var attempt : endpoints.getConnectionExceptions()) {
                    Optional<UntrustedCertificateException> found = untrusted(attempt.getException());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<UntrustedCertificateException> found = untrusted(suppressed);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
