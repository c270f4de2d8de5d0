package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.IncomingChatMessageListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.IncomingMessage;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * A contact's message, from Smack's ChatManager (which already keeps to chat and normal messages with
 * a body from a full address, in order, on one thread): stored first, then acknowledged with a receipt
 * (XEP-0184), then shown. If storing fails no receipt goes out, so the sender's client still shows the
 * message as not delivered rather than us claiming a message we do not have.
 */
final class Inbound implements IncomingChatMessageListener {
    private static final System.Logger LOG = System.getLogger(Inbound.class.getName());

    private final AccountId account;
    private final XMPPConnection connection;
    private final MessageStore store;
    private final HistoryListener listener;
    private final Clock clock;

    Inbound(AccountId account, XMPPConnection connection, MessageStore store, HistoryListener listener, Clock clock) {
        this.account = account;
        this.connection = connection;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void newIncomingMessage(EntityBareJid from, Message message, Chat chat) {
        String body = message.getBody();
        if (body == null) {
            // ChatManager also passes XHTML-IM messages without a plain body; we never render markup.
            LOG.log(System.Logger.Level.WARNING, "A message from {0} has no plain-text body and is not shown", from);
            return;
        }
        IncomingMessage incoming = new IncomingMessage(new ConversationKey(account, from),
                Optional.ofNullable(message.getFrom().getResourceOrNull()).map(Object::toString), body,
                sentAt(message), Optional.ofNullable(message.getStanzaId()),
                Optional.ofNullable(OriginIdElement.getOriginId(message)).map(OriginIdElement::getId));
        Optional<StoredMessage> stored;
        try {
            stored = store.insertIncoming(incoming);
        } catch (RuntimeException storageFailed) {
            LOG.log(System.Logger.Level.ERROR, "Could not store a message from " + from + "; no receipt sent", storageFailed);
            return;
        }
        // A duplicate is acknowledged again: its sender resends because our first receipt was lost.
        acknowledge(message);
        stored.ifPresent(listener::added);
    }

    /**
     * The sender's time for a delayed message (offline storage, XEP-0203), but never in the future:
     * a peer's clock or a forged stamp must not push a message below everything the user writes later.
     */
    private Instant sentAt(Message message) {
        Instant now = clock.instant();
        DelayInformation delay = DelayInformation.from(message);
        if (delay == null || delay.getStamp() == null) {
            return now;
        }
        Instant stamp = delay.getStamp().toInstant();
        return stamp.isAfter(now) ? now : stamp;
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
