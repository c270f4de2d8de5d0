package welljabber.plugin.chat.protocol;

import java.util.Optional;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.IncomingChatMessageListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jxmpp.jid.EntityBareJid;

/**
 * A contact's message, from Smack's ChatManager (which already keeps to chat and normal messages with
 * a body from a full address, in order, on one thread): stored first, then acknowledged with a receipt
 * (XEP-0184). If storing fails no receipt goes out, so the sender's client still shows the message as
 * not delivered rather than us claiming a message we do not have.
 */
final class Inbound implements IncomingChatMessageListener {
    private static final System.Logger LOG = System.getLogger(Inbound.class.getName());

    private final XMPPConnection connection;
    private final Arrivals arrivals;

    Inbound(XMPPConnection connection, Arrivals arrivals) {
        this.connection = connection;
        this.arrivals = arrivals;
    }

    @Override
    public void newIncomingMessage(EntityBareJid from, Message message, Chat chat) {
        Optional<String> resource = Optional.ofNullable(message.getFrom().getResourceOrNull()).map(Object::toString);
        // A duplicate counts as stored and is acknowledged again: its sender resends because our receipt was lost.
        if (arrivals.take(message, from, false, resource).inHistory()) {
            acknowledge(message);
        }
    }

    /**
     * Receipts only to contacts who see our presence, as XEP-0184 §8 advises (and Smack's default
     * does): a receipt tells the sender we are online.
     */
    private void acknowledge(Message message) {
        if (!DeliveryReceiptManager.hasDeliveryReceiptRequest(message)
                || !Roster.getInstanceFor(connection).isSubscribedToMyPresence(message.getFrom())) {
            return;
        }
        Message receipt = DeliveryReceiptManager.receiptMessageFor(message);
        if (receipt == null) {
            return; // no stanza id to refer to
        }
        try {
            connection.sendStanza(receipt);
        } catch (SmackException.NotConnectedException gone) {
            // The sender will resend; the copy is recognised and acknowledged then.
            LOG.log(System.Logger.Level.INFO, "Connection gone before the receipt to {0} went out", message.getFrom());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
