package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.plugin.chat.store.WireMessage;

/**
 * Puts a message that came over the network into history, whichever way it came (directly, as a
 * carbon copy of another of our clients): a new message is stored once, a correction (XEP-0308)
 * changes the message it replaces. Answers whether the message is now safely in history, which is
 * what allows a receipt.
 */
final class Arrivals {
    private static final System.Logger LOG = System.getLogger(Arrivals.class.getName());

    private final AccountId account;
    private final MessageStore store;
    private final HistoryListener listener;
    private final Clock clock;

    Arrivals(AccountId account, MessageStore store, HistoryListener listener, Clock clock) {
        this.account = account;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * @param peer     the contact's bare address (the sender, or for our own copies the recipient)
     * @param outgoing whether we sent it from another client
     * @param resource the contact's resource, or empty
     * @return whether the message is in history now (stored before counts), false if storing failed
     */
    boolean take(Message message, BareJid peer, boolean outgoing, Optional<String> resource) {
        String body = message.getBody();
        if (body == null) {
            // XHTML-IM without a plain body: we never render markup.
            LOG.log(System.Logger.Level.WARNING, "A message with {0} has no plain-text body and is not shown", peer);
            return true;
        }
        ConversationKey key = new ConversationKey(account, peer);
        try {
            MessageCorrectExtension correction = MessageCorrectExtension.from(message);
            if (correction != null) {
                Optional<StoredMessage> corrected = store.correct(key, outgoing, correction.getIdInitialMessage(), body);
                if (corrected.isPresent()) {
                    listener.changed(corrected.get());
                    return true;
                }
                // The message it corrects never reached us: keep the new text as a message of its own.
            }
            WireMessage wire = new WireMessage(key, outgoing, resource, body, sentAt(message),
                    Optional.ofNullable(message.getStanzaId()),
                    Optional.ofNullable(OriginIdElement.getOriginId(message)).map(OriginIdElement::getId));
            store.insertWire(wire).ifPresent(listener::added);
            return true;
        } catch (RuntimeException storageFailed) {
            LOG.log(System.Logger.Level.ERROR, "Could not store a message with " + peer, storageFailed);
            return false;
        }
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
}
