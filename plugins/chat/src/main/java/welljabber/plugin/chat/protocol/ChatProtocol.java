package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.MessageStore;

/**
 * Hooks the chat plugin into each account's Smack connection and takes it out again. Smack's own
 * automatic receipts are switched off: we send receipts ourselves once a message is stored.
 */
public final class ChatProtocol {
    private final MessageStore store;
    private final HistoryListener listener;
    private final Locale locale;
    private final Clock clock;
    private final Map<XMPPConnection, Attachment> attachments = new ConcurrentHashMap<>();

    private record Attachment(Inbound inbound, Answers answers) {
    }

    public ChatProtocol(MessageStore store, HistoryListener listener, Locale locale, Clock clock) {
        this.store = store;
        this.listener = listener;
        this.locale = locale;
        this.clock = clock;
    }

    /** Call before the connection logs in (a session listener's connectionCreated) or any time after. */
    public void attach(AccountId account, XMPPConnection connection) {
        Attachment attachment = new Attachment(new Inbound(account, connection, store, listener, clock),
                new Answers(account, store, listener, locale));
        if (attachments.putIfAbsent(connection, attachment) != null) {
            return;
        }
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        receipts.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.disabled);
        receipts.addReceiptReceivedListener(attachment.answers());
        connection.addAsyncStanzaListener(attachment.answers(), Answers.ERRORS);
        ChatManager.getInstanceFor(connection).addIncomingListener(attachment.inbound());
    }

    public void detach(XMPPConnection connection) {
        Attachment attachment = attachments.remove(connection);
        if (attachment == null) {
            return;
        }
        ChatManager.getInstanceFor(connection).removeIncomingListener(attachment.inbound());
        connection.removeAsyncStanzaListener(attachment.answers());
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        receipts.removeReceiptReceivedListener(attachment.answers());
        receipts.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.ifIsSubscribed);
    }

    public void detachAll() {
        attachments.keySet().forEach(this::detach);
    }
}
