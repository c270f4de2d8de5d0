package welljabber.plugin.chat.protocol;

import java.util.Optional;
import java.util.function.Function;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.ChatStateListener;
import org.jivesoftware.smackx.chatstates.ChatStateManager;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;

/**
 * Typing notifications (XEP-0085) through Smack's ChatStateManager: what contacts tell us goes to
 * {@link PeerStates}; ours go out when the user types, pauses or sends (unless they turned it off,
 * which the caller decides).
 */
public final class ChatStates {
    private static final System.Logger LOG = System.getLogger(ChatStates.class.getName());

    private final Function<AccountId, Optional<XMPPConnection>> connections;

    public ChatStates(Function<AccountId, Optional<XMPPConnection>> connections) {
        this.connections = connections;
    }

    /** Listens for the account's contacts' chat states; the returned listener is for {@link #detach}. */
    static ChatStateListener attach(AccountId account, XMPPConnection connection, PeerStates peers) {
        ChatStateListener listener = (Chat chat, ChatState state, Message message) ->
                peers.changed(new ConversationKey(account, chat.getXmppAddressOfChatPartner()), state);
        ChatStateManager.getInstance(connection).addChatStateListener(listener);
        return listener;
    }

    static void detach(XMPPConnection connection, ChatStateListener listener) {
        ChatStateManager.getInstance(connection).removeChatStateListener(listener);
    }

    /** Tells the contact our state; nothing happens when the account is offline. Blocks briefly on the network. */
    public void send(ConversationKey key, ChatState state) {
        Optional<XMPPConnection> connection = connections.apply(key.account());
        if (connection.isEmpty() || key.peer().asEntityBareJidIfPossible() == null) {
            return;
        }
        try {
            Chat chat = ChatManager.getInstanceFor(connection.get()).chatWith(key.peer().asEntityBareJidIfPossible());
            ChatStateManager.getInstance(connection.get()).setCurrentState(state, chat);
        } catch (SmackException.NotConnectedException gone) {
            LOG.log(System.Logger.Level.DEBUG, "Not connected; chat state {0} not sent", state);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
