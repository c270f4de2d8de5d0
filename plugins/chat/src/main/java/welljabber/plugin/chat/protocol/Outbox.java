package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.sm.StreamManagementException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

import welljabber.api.account.AccountId;
import welljabber.api.error.ErrorSentences;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.OwnCorrections;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Our messages: each is written to history (QUEUED) before anything else, then handed to the
 * account's connection when there is one. A message typed while disconnected waits in the outbox
 * and {@link #flush} sends it when the account is back; so does a correction made while disconnected. The server's stream management
 * acknowledgement (XEP-0198) is what makes a message SENT; until then Smack keeps it in its own
 * resend queue across a resumed stream.
 *
 * <p>Methods are synchronized so that one account's messages leave in the order they were written.
 */
public final class Outbox {
    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

    private final MessageStore store;
    private final OwnCorrections corrections;
    private final HistoryListener listener;
    private final Function<AccountId, Optional<XMPPConnection>> connections;
    private final Clock clock;
    private final BooleanSupplier chatStates;
    /**
     * Corrections handed to a stream that acknowledges stanzas, not acknowledged yet: Smack resends them
     * itself if the stream breaks (as it does our messages, which wait in SENDING), so a flush must not.
     * A restart forgets this and sends what is still pending again; a correction applied twice changes nothing.
     */
    private final Set<String> correctionsInFlight = ConcurrentHashMap.newKeySet();
    /**
     * Corrections the server acknowledged. A flush reads the pending corrections, then skips those in flight;
     * an acknowledgement between the two (taken from history, then out of flight) let it send one again (seen
     * on CI: the contact got the same correction twice). Added before either, so a correction is always in
     * flight or here. Corrections are few; the set lives as long as the outbox.
     */
    private final Set<String> correctionsAcknowledged = ConcurrentHashMap.newKeySet();
    private final Locale locale;

    /**
     * {@code chatStates} says whether our messages carry the "active" chat state (XEP-0085; the user may turn it
     * off); {@code locale} is the language of the reasons stored with failed messages.
     */
    public Outbox(MessageStore store, HistoryListener listener, Function<AccountId, Optional<XMPPConnection>> connections,
            Clock clock, BooleanSupplier chatStates, Locale locale) {
        this.locale = locale;
        this.store = store;
        this.corrections = store.ownCorrections();
        this.listener = listener;
        this.connections = connections;
        this.clock = clock;
        this.chatStates = chatStates;
    }

    /**
     * Stores {@code text} for {@code key} and sends it if the account is connected. {@code resource}
     * addresses one of the contact's clients; empty lets the server choose. Blocks on the database.
     */
    public synchronized StoredMessage submit(ConversationKey key, Optional<String> resource, String text) {
        String id = UUID.randomUUID().toString();
        StoredMessage queued = store.insertOutgoing(key, resource, text, clock.instant(), id);
        listener.added(queued);
        // Through the whole outbox, oldest first: messages still waiting from a disconnection must not be
        // overtaken by this one just because the connection came back a moment before the flush ran.
        try {
            flush(key.account());
        } catch (RuntimeException notFlushed) {
            // Stored, so not lost, and must not be reported as unsaved (the user would send it twice): the next
            // flush (a reconnection, the next message) takes it.
            LOG.log(System.Logger.Level.WARNING, "The outbox could not be sent now; message " + queued.id() + " waits in it", notFlushed);
        }
        return queued;
    }

    /**
     * The account's connection was given up, not just lost for a moment (a lost one resumes its stream and
     * Smack sends again what the server had not confirmed): what it was sending goes back to the outbox for
     * the next connection, shown as waiting again, and corrections it had in flight may go again.
     */
    public synchronized void connectionGivenUp(AccountId account) {
        store.requeueUnconfirmed(account).forEach(listener::changed);
        correctionsInFlight.clear();
    }

    /** Sends the account's outbox, oldest first; call when the account has connected. */
    public synchronized void flush(AccountId account) {
        Optional<XMPPConnection> connection = connections.apply(account);
        if (connection.isEmpty()) {
            return;
        }
        AckWindow window = new AckWindow(connection.get(), AckWindow.FOR_A_FLUSH);
        try {
            for (StoredMessage message : store.queued(account)) {
                if (!window.take() || !send(message, window)) {
                    return; // the connection went away again: the rest waits for the next flush
                }
            }
            // After the messages: a correction never reaches the contact before what it corrects.
            for (OwnCorrections.Pending correction : corrections.pending(account)) {
                if (correctionsInFlight.contains(correction.correctionId())
                        || correctionsAcknowledged.contains(correction.correctionId())) {
                    continue;
                }
                if (!window.take() || !send(correction, window)) {
                    return;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // what is left waits in the outbox for the next flush
        }
    }

    /**
     * Replaces the text of our message {@code original} (XEP-0308), history first. A message still in
     * the outbox just goes out with the new text; one that left gets a correction naming its id, sent
     * now or, when the account is not connected, by the next {@link #flush}. False only when
     * {@code original} is not a message of ours that history has: then nothing changed.
     */
    public synchronized boolean correct(StoredMessage original, String text) {
        if (!original.outgoing() || original.stanzaId().isEmpty()) {
            return false;
        }
        if (corrections.rewriteQueued(original.id(), text)) {
            store.byId(original.id()).ifPresent(listener::changed);
            return true;
        }
        Optional<StoredMessage> corrected = corrections.correct(original, text, UUID.randomUUID().toString());
        if (corrected.isEmpty()) {
            return false;
        }
        listener.changed(corrected.get());
        // Sends this correction and any earlier one still waiting, in order.
        flush(original.key().account());
        return true;
    }

    /** Returns false when the connection was gone and the correction stays pending. */
    private boolean send(OwnCorrections.Pending correction, AckWindow window) {
        StoredMessage corrected = correction.message();
        String id = correction.correctionId();
        Message stanza;
        try {
            stanza = builder(id, corrected, corrected.body())
                    .addExtension(new MessageCorrectExtension(corrected.stanzaId().orElseThrow())).build();
        } catch (XmppStringprepException badAddress) {
            LOG.log(System.Logger.Level.WARNING, "The correction of message {0} has no valid address; dropped", corrected.id());
            corrections.taken(corrected.id(), id);
            window.give();
            return true;
        }
        correctionsInFlight.add(id);
        try {
            window.send(stanza, () -> {
                correctionsAcknowledged.add(id);
                corrections.taken(corrected.id(), id);
                correctionsInFlight.remove(id);
            });
        } catch (SmackException.NotConnectedException | InterruptedException notSent) {
            correctionsInFlight.remove(id);
            if (notSent instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(System.Logger.Level.INFO, "Not connected; the correction of message {0} waits", corrected.id());
            return false;
        }
        return true;
    }

    /** Returns false when the connection was gone and the message stays in the outbox. */
    private boolean send(StoredMessage message, AckWindow window) {
        Message stanza;
        try {
            stanza = stanza(message);
        } catch (XmppStringprepException badAddress) {
            // Addresses are checked before a conversation opens; a stored one that no longer parses fails visibly.
            store.changeState(message.id(), DeliveryState.FAILED, Optional.of(ErrorSentences.forThrowable(badAddress, locale)))
                    .ifPresent(listener::changed);
            window.give();
            return true;
        }
        change(message.id(), DeliveryState.SENDING);
        try {
            window.send(stanza, () -> change(message.id(), DeliveryState.SENT));
        } catch (SmackException.NotConnectedException | InterruptedException notSent) {
            change(message.id(), DeliveryState.QUEUED);
            if (notSent instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(System.Logger.Level.INFO, "Not connected; message {0} stays in the outbox", message.id());
            return false;
        }
        return true;
    }

    private void change(long messageId, DeliveryState state) {
        store.changeState(messageId, state, Optional.empty()).ifPresent(listener::changed);
    }

    private Message stanza(StoredMessage message) throws XmppStringprepException {
        return builder(message.stanzaId().orElseThrow(), message, message.body()).build();
    }

    /** A chat message with {@code id} as stanza id and origin-id (XEP-0359), asking for a receipt. */
    private MessageBuilder builder(String id, StoredMessage message, String body) throws XmppStringprepException {
        Jid to = message.resource().isPresent()
                ? JidCreate.fullFrom(message.key().peer().asEntityBareJidOrThrow(), Resourcepart.from(message.resource().get()))
                : message.key().peer();
        MessageBuilder builder = StanzaBuilder.buildMessage(id)
                .to(to)
                .ofType(Message.Type.chat)
                .setBody(body)
                .addExtension(new OriginIdElement(id))
                .addExtension(new DeliveryReceiptRequest());
        if (chatStates.getAsBoolean()) {
            builder.addExtension(new ChatStateExtension(ChatState.active));
        }
        return builder;
    }
}
