package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * The server's message archive (MAM, XEP-0313) through Smack's MamManager: after connecting, what
 * happened while we were away (including what our other clients sent, which no carbon brought us);
 * when the user scrolls past local history, older pages of a conversation. Results go through the
 * same {@link Arrivals} as live messages, so a message we already have is never stored twice.
 *
 * <p>Smack matches archive results to our query by query id only; each result's carrier must also
 * come from our own account (or carry no sender, meaning our own server), or it is ignored: no one
 * else can slip messages into our history by guessing a query id.
 */
public final class Archive {
    /** Messages per archive query. */
    public static final int PAGE = 100;
    /**
     * Catching up after a long absence stops after this many pages (servers answer 50 or so per page:
     * about 10,000 messages); older ones come by scrolling.
     */
    static final int CATCH_UP_PAGES = 200;
    private static final System.Logger LOG = System.getLogger(Archive.class.getName());

    private final ChatProtocol protocol;
    private final MessageStore store;
    private final Function<AccountId, Optional<XMPPConnection>> connections;
    private final Clock clock;

    public Archive(ChatProtocol protocol, MessageStore store, Function<AccountId, Optional<XMPPConnection>> connections,
            Clock clock) {
        this.protocol = protocol;
        this.store = store;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * Fetches what the archive holds after the newest message we know of it (for an empty history: the
     * newest page). Returns how many messages were new to history. Blocks on the network.
     */
    public int catchUp(AccountId account) throws InterruptedException {
        Optional<XMPPConnection> connection = connections.apply(account);
        if (connection.isEmpty() || !supported(connection.get())) {
            return 0;
        }
        Optional<String> after = store.newestServerId(account);
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder().setResultPageSizeTo(PAGE);
        if (after.isPresent()) {
            args.afterUid(after.get());
        } else {
            args.queryLastPage();
        }
        try {
            return fetch(account, connection.get(), args.build(), CATCH_UP_PAGES, Optional.empty());
        } catch (XMPPException.XMPPErrorException e) {
            if (after.isEmpty() || e.getStanzaError().getCondition() != StanzaError.Condition.item_not_found) {
                LOG.log(System.Logger.Level.INFO, "The archive refused to catch up: {0}", e.getMessage());
                return 0;
            }
        }
        // The archive no longer has that message (expired): start from its newest page instead.
        try {
            return fetch(account, connection.get(),
                    MamManager.MamQueryArgs.builder().setResultPageSizeTo(PAGE).queryLastPage().build(), 1, Optional.empty());
        } catch (XMPPException.XMPPErrorException e) {
            LOG.log(System.Logger.Level.INFO, "The archive refused to catch up: {0}", e.getMessage());
            return 0;
        }
    }

    /**
     * Fetches the page of the conversation just before {@code oldest} (the oldest message we have; the
     * newest page when we have none) from the archive. Returns how many messages were new to history, 0 when the archive has no older ones
     * or cannot be asked now.
     */
    public int backFill(ConversationKey key, Optional<StoredMessage> oldest) throws InterruptedException {
        Optional<XMPPConnection> connection = connections.apply(key.account());
        if (connection.isEmpty() || !supported(connection.get())) {
            return 0;
        }
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder()
                .limitResultsToJid(key.peer()).setResultPageSizeTo(PAGE);
        Optional<String> before = store.oldestServerId(key);
        if (before.isPresent()) {
            args.beforeUid(before.get());
        } else {
            oldest.ifPresent(message -> args.limitResultsBefore(Date.from(message.at())));
            args.queryLastPage();
        }
        try {
            return fetch(key.account(), connection.get(), args.build(), 1, Optional.of(key));
        } catch (XMPPException.XMPPErrorException e) {
            LOG.log(System.Logger.Level.INFO, "The archive did not answer for {0}: {1}", key.peer(), e.getMessage());
            return 0;
        }
    }

    private static boolean supported(XMPPConnection connection) throws InterruptedException {
        try {
            return MamManager.getInstanceFor(connection).isSupported();
        } catch (SmackException | XMPPException e) {
            LOG.log(System.Logger.Level.INFO, "Could not ask whether the server keeps an archive: {0}", e.toString());
            return false;
        }
    }

    /** Runs the query and up to {@code pages} pages, forwards (catching up) or backwards (back-filling {@code peer}). */
    private int fetch(AccountId account, XMPPConnection connection, MamManager.MamQueryArgs args, int pages,
            Optional<ConversationKey> peer)
            throws XMPPException.XMPPErrorException, InterruptedException {
        try {
            MamManager.MamQuery query = MamManager.getInstanceFor(connection).queryArchive(args);
            Arrivals arrivals = protocol.arrivals(account, connection);
            boolean forwards = peer.isEmpty();
            int stored = take(account, connection, arrivals, query.getPage(), forwards ? Optional.empty() : peer);
            for (int page = 1; page < pages && !query.isComplete(); page++) {
                if (forwards) {
                    query.pageNext(PAGE);
                } else {
                    query.pagePrevious(PAGE);
                }
                stored += take(account, connection, arrivals, query.getPage(), forwards ? Optional.empty() : peer);
            }
            return stored;
        } catch (SmackException.NoResponseException | SmackException.NotConnectedException | SmackException.NotLoggedInException e) {
            LOG.log(System.Logger.Level.INFO, "Archive query for {0} stopped: {1}", account, e.toString());
            return 0;
        }
    }

    /**
     * Stores a page in archive order (so a correction finds the message it corrects). {@code backFilled}:
     * the conversation of a back-filled page, whose messages are numbered below everything it holds.
     */
    private int take(AccountId account, XMPPConnection connection, Arrivals arrivals, MamManager.MamQueryPage page,
            Optional<ConversationKey> backFilled) {
        BareJid own = connection.getUser() == null ? null : connection.getUser().asBareJid();
        if (own == null) {
            return 0;
        }
        int stored = 0;
        List<Message> carriers = page.getMamResultCarrierMessages();
        long below = backFilled.map(store::lowestSeq).orElse(0L);
        int position = 0;
        for (Message carrier : carriers) {
            position++;
            if (carrier.getFrom() != null && !carrier.getFrom().equals(own)) {
                LOG.log(System.Logger.Level.WARNING, "Ignored an archive result from {0}, not from our own archive", carrier.getFrom());
                continue;
            }
            MamElements.MamResultExtension result = MamElements.MamResultExtension.from(carrier);
            if (result == null || result.getForwarded() == null) {
                continue;
            }
            OptionalLong seq = backFilled.isPresent() ? OptionalLong.of(below - carriers.size() - 1 + position) : OptionalLong.empty();
            if (takeOne(own, arrivals, result.getId(), result.getForwarded(), seq) == Arrivals.Taken.STORED) {
                stored++;
            }
        }
        return stored;
    }

    private Arrivals.Taken takeOne(BareJid own, Arrivals arrivals, String archiveId, Forwarded<Message> forwarded,
            OptionalLong seq) {
        Message message = forwarded.getForwardedStanza();
        if (message.getType() != Message.Type.chat && message.getType() != Message.Type.normal) {
            return Arrivals.Taken.NOT_A_TEXT; // group chat and errors are not one-to-one conversation messages
        }
        Jid from = message.getFrom();
        boolean outgoing = from != null && from.asBareJid().equals(own);
        Jid contact = outgoing ? message.getTo() : from;
        if (contact == null || contact.asEntityBareJidIfPossible() == null) {
            return Arrivals.Taken.NOT_A_TEXT;
        }
        DelayInformation delay = forwarded.getDelayInformation();
        Instant now = clock.instant();
        Instant at = delay == null || delay.getStamp() == null || delay.getStamp().toInstant().isAfter(now)
                ? now : delay.getStamp().toInstant();
        return arrivals.take(message, contact.asBareJid(), outgoing, Optional.ofNullable(contact.getResourceOrNull()).map(Object::toString),
                at, Optional.ofNullable(archiveId), seq);
    }
}
