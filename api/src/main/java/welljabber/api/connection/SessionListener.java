package welljabber.api.connection;

import org.jxmpp.jid.EntityBareJid;
import org.jivesoftware.smack.XMPPConnection;

import welljabber.api.account.AccountId;

/**
 * Told when the shell creates or drops an account's Smack connection. The shell calls
 * {@link #connectionCreated} before it connects, so a plugin can set up its Smack managers and
 * listeners (the roster, chat states, ...) in time for login. The same connection object lives
 * through automatic reconnects; a new one is created only when the user changes the account.
 * Called on a background thread.
 */
public interface SessionListener {

    void connectionCreated(AccountId account, EntityBareJid jid, XMPPConnection connection);

    default void connectionDisposed(AccountId account, XMPPConnection connection) {
    }
}
