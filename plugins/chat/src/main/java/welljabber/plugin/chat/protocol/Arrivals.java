package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
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

    /** What became of a message from the network. */
    enum Taken {
        /** New to history, stored now. */
        STORED,
        /** History already had it (resent, or from offline storage and the archive both). */
        KNOWN,
        /** It corrected a message history had. */
        CORRECTION,
        /** It had no plain text to keep (XHTML-IM only): nothing to store, nothing lost. */
        NOT_A_TEXT,
        /** The database failed: the message is not in history. */
        FAILED;

        /** Whether a receipt may say we have it. */
        boolean inHistory() {
            return this != FAILED;
        }
    }
    private static final System.Logger LOG = System.getLogger(Arrivals.class.getName());

    private final AccountId account;
    private final MessageStore store;
    private final HistoryListener listener;
    private final Clock clock;
    private final Supplier<BareJid> ownAddress;
    private final Predicate<ConversationKey> onScreen;

    /** {@code ownAddress} is our bare address on this connection, or null before login. */
    Arrivals(AccountId account, MessageStore store, HistoryListener listener, Clock clock, Predicate<ConversationKey> onScreen,
            Supplier<BareJid> ownAddress) {
        this.onScreen = onScreen;
        this.ownAddress = ownAddress;
        this.account = account;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * The same arrivals stored as read: history the user asked for (older pages of a conversation) or that
     * predates this client (the archive's newest page on a new profile) is not news. Stored unread, opening
     * a conversation on a new computer counted its archived history as unread and announced it.
     */
    Arrivals asHistory() {
        return new Arrivals(account, store, listener, clock, key -> true, ownAddress);
    }

    /** The same arrivals stored into {@code other} (one transaction's view) and told to {@code told}. */
    Arrivals storingInto(MessageStore other, HistoryListener told) {
        return new Arrivals(account, other, told, clock, onScreen, ownAddress);
    }

    /**
     * Stores a message that reached us at {@code arrived} and is stored only now: a message that came live
     * carries that time, not the time a busy storing thread got to it.
     *
     * @param peer     the contact's bare address (the sender, or for our own copies the recipient)
     * @param outgoing whether we sent it from another client
     * @param resource the contact's resource, or empty
     * @return what became of it
     */
    Taken take(Message message, BareJid peer, boolean outgoing, Optional<String> resource, Instant arrived) {
        return take(message, peer, outgoing, resource, sentAt(message, arrived), ownArchiveId(message), store::insertWire);
    }

    /** Now, by the clock that stamps messages that came live. */
    Instant now() {
        return clock.instant();
    }

    /**
     * A message back-filled from the archive, below the whole conversation ({@link MessageStore#insertOlder}),
     * numbered {@code seq}. Its time and archive id come from the archive's wrapper, not the message.
     */
    Taken takeOlder(Message message, BareJid peer, boolean outgoing, Optional<String> resource, Instant at,
            Optional<String> serverId, long seq) {
        return take(message, peer, outgoing, resource, at, serverId, (wire, seen) -> store.insertOlder(wire, seen, seq));
    }

    /**
     * A message missed while away, found catching up from the archive ({@link MessageStore#insertMissed}),
     * numbered {@code seq}; {@code order} learns where it is in history.
     */
    Taken takeMissed(Message message, BareJid peer, boolean outgoing, Optional<String> resource, Instant at,
            Optional<String> serverId, long seq, ArchiveOrder order) {
        return take(message, peer, outgoing, resource, at, serverId, (wire, seen) -> {
            Optional<StoredMessage> stored = store.insertMissed(wire, seen, seq);
            order.passed(wire.key(), stored, stored.isPresent() ? Optional.empty() : store.placeInThisSession(wire));
            return stored;
        });
    }

    /** Catching up walked through the archive: what it stored keeps the archive's order ({@link ArchiveOrder}). */
    void keep(ArchiveOrder order) {
        try {
            order.keep(store, listener);
        } catch (RuntimeException storageFailed) {
            // Every message is stored all the same; some of one second may show in another order.
            LOG.log(System.Logger.Level.ERROR, "Could not keep the archive's order among the messages caught up", storageFailed);
        }
    }

    /** How a message new to history is inserted; empty when history already has it. */
    private interface Insertion {
        Optional<StoredMessage> insert(WireMessage wire, boolean seen);
    }

    private Taken take(Message message, BareJid peer, boolean outgoing, Optional<String> resource, Instant at,
            Optional<String> serverId, Insertion insertion) {
        String body = message.getBody();
        if (body == null) {
            // Chat states alone (the archive keeps those too), or XHTML-IM without a plain body: we never render markup.
            LOG.log(System.Logger.Level.DEBUG, "A message with {0} has no plain-text body and is not shown", peer);
            return Taken.NOT_A_TEXT;
        }
        ConversationKey key = new ConversationKey(account, peer);
        try {
            MessageCorrectExtension correction = MessageCorrectExtension.from(message);
            if (correction != null) {
                Optional<StoredMessage> corrected = store.correct(key, outgoing, correction.getIdInitialMessage(), body);
                if (corrected.isPresent()) {
                    listener.changed(corrected.get());
                    return Taken.CORRECTION;
                }
                // The message it corrects never reached us: keep the new text as a message of its own.
            }
            WireMessage wire = new WireMessage(key, outgoing, resource, body, at, Optional.ofNullable(message.getStanzaId()),
                    Optional.ofNullable(OriginIdElement.getOriginId(message)).map(OriginIdElement::getId), serverId);
            Optional<StoredMessage> stored = insertion.insert(wire, onScreen.test(key));
            stored.ifPresent(listener::added);
            return stored.isPresent() ? Taken.STORED : Taken.KNOWN;
        } catch (RuntimeException storageFailed) {
            LOG.log(System.Logger.Level.ERROR, "Could not store a message with " + peer, storageFailed);
            return Taken.FAILED;
        }
    }

    /**
     * The id our own server's archive gave the message (XEP-0359). Only a stanza-id stamped "by" our
     * own address counts: anyone else's (or one the sender added) could collide with real ones.
     */
    private Optional<String> ownArchiveId(Message message) {
        BareJid own = ownAddress.get();
        if (own == null) {
            return Optional.empty();
        }
        return message.getExtensions(StanzaIdElement.class).stream()
                .filter(id -> own.toString().equals(id.getBy()))
                .map(StanzaIdElement::getId)
                .findFirst();
    }

    /**
     * The time a message was sent, for one our own server kept while we were offline (XEP-0203): its delay
     * stamp, never in the future. Only a stamp our server (or our own account) added counts: one the sender
     * put in could date its message days back, where it would sit unseen above the page the user reads.
     */
    private Instant sentAt(Message message, Instant now) {
        BareJid own = ownAddress.get();
        if (own == null) {
            return now;
        }
        return message.getExtensions(DelayInformation.class).stream()
                .filter(delay -> delay.getStamp() != null && delay.getFrom() != null
                        && (delay.getFrom().equals(own.getDomain().toString()) || delay.getFrom().equals(own.toString())))
                .map(delay -> delay.getStamp().toInstant())
                .map(stamp -> stamp.isAfter(now) ? now : stamp)
                .findFirst()
                .orElse(now);
    }
}
