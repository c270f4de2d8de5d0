package welljabber.plugin.chat.protocol;

import java.util.Locale;
import java.util.Optional;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.receipts.ReceiptReceivedListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.error.ErrorSentences;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * What comes back for a message we sent: a delivery receipt (XEP-0184) makes it DELIVERED, an error
 * makes it FAILED with the reason in a plain sentence. An answer only counts when it comes from the
 * address we wrote to: a third party cannot mark our messages delivered or failed by guessing ids.
 */
final class Answers implements ReceiptReceivedListener, StanzaListener {
    static final StanzaFilter ERRORS = MessageTypeFilter.ERROR;
    private static final System.Logger LOG = System.getLogger(Answers.class.getName());

    private final AccountId account;
    private final MessageStore store;
    private final HistoryListener listener;
    private final Locale locale;

    Answers(AccountId account, MessageStore store, HistoryListener listener, Locale locale) {
        this.account = account;
        this.store = store;
        this.listener = listener;
        this.locale = locale;
    }

    @Override
    public void onReceiptReceived(Jid from, Jid to, String receiptId, Stanza receipt) {
        if (from == null || receiptId == null) {
            return;
        }
        answer(from.asBareJid(), receiptId, DeliveryState.DELIVERED, Optional.empty());
    }

    /** A message of type error: the server or the contact's server could not deliver ours. */
    @Override
    public void processStanza(Stanza stanza) {
        Message error = (Message) stanza;
        if (error.getFrom() == null || error.getStanzaId() == null) {
            return;
        }
        String sentence = ErrorSentences.forUndeliveredMessage(error.getError(), locale);
        answer(error.getFrom().asBareJid(), error.getStanzaId(), DeliveryState.FAILED, Optional.of(sentence));
    }

    private void answer(BareJid from, String stanzaId, DeliveryState state, Optional<String> error) {
        try {
            Optional<StoredMessage> ours = store.outgoing(account, from, stanzaId);
            if (ours.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "{0} answered {1}, which is not a message we sent them", from, stanzaId);
                return;
            }
            store.changeState(ours.get().id(), state, error).ifPresent(listener::changed);
        } catch (RuntimeException storageFailed) {
            LOG.log(System.Logger.Level.ERROR, "Could not record the answer from " + from, storageFailed);
        }
    }
}
