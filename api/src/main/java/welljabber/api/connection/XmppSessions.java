package welljabber.api.connection;

import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.XMPPConnection;

import welljabber.api.account.AccountId;
import welljabber.api.plugin.Disposable;

/**
 * The accounts' shared Smack connections. Plugins ask for the connection each time they need it
 * instead of keeping one, so they never hold a stale {@link XMPPConnection}.
 */
public interface XmppSessions {

    /** The account's connection, when it is connected and authenticated. */
    Optional<XMPPConnection> connection(AccountId account);

    /** Accounts connected and authenticated right now. */
    List<AccountId> connectedAccounts();

    /** The account's current state. */
    ConnectionState state(AccountId account);

    /**
     * Registers {@code listener}; it is told at once about every connection that already exists,
     * then about each one created or disposed later.
     */
    Disposable addSessionListener(SessionListener listener);
}
