package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ArchiveGaps;
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
     * about 10,000 messages, the newest). Where it stopped is kept ({@link ArchiveGaps}), and each catch-up
     * goes on filling such gaps, up to as many pages again: scrolling would never bring those messages
     * (back-filling asks for what is older than a conversation's oldest message).
     */
    static final int CATCH_UP_PAGES = 200;
    private static final System.Logger LOG = System.getLogger(Archive.class.getName());

    private final ChatProtocol protocol;
    private final MessageStore store;
    private final Function<AccountId, Optional<XMPPConnection>> connections;
    private final Clock clock;
    private final int catchUpPages;
    private final ArchiveGaps gaps;

    public Archive(ChatProtocol protocol, MessageStore store, Function<AccountId, Optional<XMPPConnection>> connections,
            Clock clock) {
        this(protocol, store, connections, clock, CATCH_UP_PAGES);
    }

    /** With another limit on catching up: tests reach it without sending 10,000 messages. */
    Archive(ChatProtocol protocol, MessageStore store, Function<AccountId, Optional<XMPPConnection>> connections,
            Clock clock, int catchUpPages) {
        this.protocol = protocol;
        this.store = store;
        this.connections = connections;
        this.clock = clock;
        this.catchUpPages = catchUpPages;
        this.gaps = store.archiveGaps();
    }

    /**
     * Fetches what the archive holds that history does not, newest first: the archive's newest page, then
     * the page before it, until a page starts with a message history already has (or the archive has no
     * more, or {@link #CATCH_UP_PAGES} were read). After a long absence the newest messages are there
     * first, and when the last message we knew has expired from the archive the gap still closes, from
     * the top. An empty history takes only the newest page, as read; older ones come by scrolling. Returns how many
     * messages were new to history. Blocks on the network.
     */
    public int catchUp(AccountId account) throws InterruptedException {
        Optional<XMPPConnection> connection = connections.apply(account);
        if (connection.isEmpty() || !supported(connection.get())) {
            return 0;
        }
        boolean historyHadSome = store.newestServerId(account).isPresent();
        MamManager.MamQueryArgs args = MamManager.MamQueryArgs.builder().setResultPageSizeTo(PAGE).queryLastPage().build();
        try {
            int stored = catchUpNewestFirst(account, connection.get(), args, historyHadSome ? catchUpPages : 1, historyHadSome);
            return stored + fillGaps(account, connection.get());
        } catch (XMPPException.XMPPErrorException e) {
            LOG.log(System.Logger.Level.INFO, "The archive refused to catch up: {0}", e.getMessage());
            return 0;
        } catch (SmackException.NoResponseException | SmackException.NotConnectedException | SmackException.NotLoggedInException e) {
            LOG.log(System.Logger.Level.INFO, "Catching up {0} stopped: {1}", account, e.toString());
            return 0;
        }
    }

    /**
     * Pages backwards from {@code args}' newest page. Each page's messages are numbered just below the
     * page after it, within order numbers reserved above all of history, so a conversation shows them in
     * the archive's order even where one second spans two pages.
     */
    private int catchUpNewestFirst(AccountId account, XMPPConnection connection, MamManager.MamQueryArgs args, int pages,
            boolean historyHadSome) throws XMPPException.XMPPErrorException, InterruptedException,
            SmackException.NoResponseException, SmackException.NotConnectedException, SmackException.NotLoggedInException {
        MamManager.MamQuery query = MamManager.getInstanceFor(connection).queryArchive(args);
        // A server answering more than PAGE per page would run below the block: then only the order
        // within a shared second could suffer, never whether a message is kept.
        long below = store.reserveSeqs(pages * PAGE) + 1;
        Arrivals arrivals = protocol.arrivals(account, connection);
        // An empty history: this client is new, and what the archive has was news elsewhere, not here.
        Walk walk = walkBack(query, historyHadSome ? arrivals : arrivals.asHistory(), connection, below, pages);
        if (historyHadSome && walk.stoppedShort()) {
            walk.oldestId().ifPresent(id -> gaps.open(account, id, walk.below()));
        }
        return walk.stored();
    }

    /**
     * Goes on where earlier catch-ups stopped, newest gap first, with as many pages as a catch-up
     * takes. A gap whose start the archive no longer knows (expired) is given up.
     */
    private int fillGaps(AccountId account, XMPPConnection connection) throws InterruptedException,
            SmackException.NoResponseException, SmackException.NotConnectedException, SmackException.NotLoggedInException {
        int pagesLeft = catchUpPages;
        int stored = 0;
        Arrivals arrivals = protocol.arrivals(account, connection);
        for (ArchiveGaps.Gap gap : gaps.of(account)) {
            if (pagesLeft <= 0) {
                break;
            }
            MamManager.MamQuery query;
            try {
                query = MamManager.getInstanceFor(connection).queryArchive(
                        MamManager.MamQueryArgs.builder().setResultPageSizeTo(PAGE).beforeUid(gap.beforeId()).build());
            } catch (XMPPException.XMPPErrorException gone) {
                LOG.log(System.Logger.Level.INFO, "The archive cannot fill a gap any more: {0}", gone.getMessage());
                gaps.closed(gap.id());
                continue;
            }
            Walk walk = walkBack(query, arrivals, connection, gap.belowSeq(), pagesLeft);
            pagesLeft -= walk.pages();
            stored += walk.stored();
            if (walk.stoppedShort() && walk.oldestId().isPresent()) {
                gaps.narrowed(gap.id(), walk.oldestId().get(), walk.below());
            } else {
                gaps.closed(gap.id());
            }
        }
        return stored;
    }

    /**
     * What walking back through the archive came to: messages new to history, pages read, whether it
     * stopped at the page limit before reaching history or the archive's start, the archive id of the
     * oldest message read, and the order number to give the next older message.
     */
    private record Walk(int stored, int pages, boolean stoppedShort, Optional<String> oldestId, long below) {
    }

    /** Takes {@code query}'s page and those before it, numbered down from {@code below}, at most {@code pages}. */
    private Walk walkBack(MamManager.MamQuery query, Arrivals arrivals, XMPPConnection connection, long below, int pages)
            throws InterruptedException, SmackException.NoResponseException, SmackException.NotConnectedException,
            SmackException.NotLoggedInException {
        ArchiveOrder order = new ArchiveOrder();
        try {
            return walkBack(query, arrivals, connection, below, pages, order);
        } finally {
            arrivals.keep(order); // also when the walk broke off: what it stored keeps its order
        }
    }

    private Walk walkBack(MamManager.MamQuery query, Arrivals arrivals, XMPPConnection connection, long below, int pages,
            ArchiveOrder order) throws InterruptedException, SmackException.NoResponseException,
            SmackException.NotConnectedException, SmackException.NotLoggedInException {
        PageTaken taken = take(connection, arrivals, query.getPage(), below, false, order);
        int stored = taken.stored();
        Optional<String> oldestId = taken.oldestId();
        int page = 1;
        for (; page < pages && !taken.reachedHistory() && !query.isComplete(); page++) {
            below -= taken.results();
            try {
                query.pagePrevious(PAGE);
            } catch (XMPPException.XMPPErrorException refused) {
                LOG.log(System.Logger.Level.INFO, "The archive stopped paging: {0}", refused.getMessage());
                return new Walk(stored, page, true, oldestId, below);
            }
            taken = take(connection, arrivals, query.getPage(), below, false, order);
            stored += taken.stored();
            if (taken.oldestId().isPresent()) {
                oldestId = taken.oldestId();
            }
        }
        return new Walk(stored, page, !taken.reachedHistory() && !query.isComplete(), oldestId, below - taken.results());
    }

    /**
     * Fetches the page of the conversation just before {@code oldest} (the oldest message we have; the
     * newest page when we have none) from the archive, and the pages before it while a page has nothing
     * to show. Returns how many messages were new to history (0: the archive has no older ones, or the
     * server keeps none); empty when the archive could not be asked now (no connection, no answer, an
     * error), so that asking again later may bring them.
     */
    public OptionalInt backFill(ConversationKey key, Optional<StoredMessage> oldest) throws InterruptedException {
        Optional<XMPPConnection> connection = connections.apply(key.account());
        if (connection.isEmpty()) {
            return OptionalInt.empty();
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
            MamManager mam = MamManager.getInstanceFor(connection.get());
            if (!mam.isSupported()) {
                return OptionalInt.of(0);
            }
            MamManager.MamQuery query = mam.queryArchive(args.build());
            Arrivals arrivals = protocol.arrivals(key.account(), connection.get()).asHistory();
            // Numbered below everything the conversation holds: these are older than all of it.
            long below = store.lowestSeq(key);
            // Older than the whole conversation, in the archive's order by their numbers: no order to keep after.
            ArchiveOrder unused = new ArchiveOrder();
            PageTaken taken = take(connection.get(), arrivals, query.getPage(), below, true, unused);
            int stored = taken.stored();
            // A page can hold nothing to show: the archive keeps receipts and markers too. Asked again, it
            // would answer the same page (it starts from the same oldest message), and the conversation
            // would end there: go on to the pages before it instead, as far as a catch-up goes at most.
            for (int pages = 1; stored == 0 && !query.isComplete() && pages < catchUpPages; pages++) {
                below -= taken.results();
                query.pagePrevious(PAGE);
                taken = take(connection.get(), arrivals, query.getPage(), below, true, unused);
                stored += taken.stored();
            }
            return OptionalInt.of(stored);
        } catch (XMPPException.XMPPErrorException e) {
            LOG.log(System.Logger.Level.INFO, "The archive refused the page of {0}: {1}", key.peer(), e.getMessage());
            return OptionalInt.empty();
        } catch (SmackException e) {
            LOG.log(System.Logger.Level.INFO, "Back-filling {0} stopped: {1}", key.peer(), e.toString());
            return OptionalInt.empty();
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

    /**
     * What storing one page came to.
     *
     * @param results        how many results the page had, whatever became of them
     * @param stored         how many were new to history
     * @param reachedHistory whether its oldest message was one history already had: nothing older is missing
     * @param oldestId       the archive id of the page's oldest result
     */
    private record PageTaken(int results, int stored, boolean reachedHistory, Optional<String> oldestId) {
    }

    /**
     * Stores a page in archive order (so a correction finds the message it corrects), its messages
     * numbered just below {@code below}, oldest first; {@code olderThanHistory}: a back-filled page, else
     * one missed while away, whose messages {@code order} learns of.
     */
    private PageTaken take(XMPPConnection connection, Arrivals arrivals, MamManager.MamQueryPage page, long below,
            boolean olderThanHistory, ArchiveOrder order) {
        order.nextPage();
        BareJid own = connection.getUser() == null ? null : connection.getUser().asBareJid();
        List<Message> carriers = page.getMamResultCarrierMessages();
        if (own == null) {
            return new PageTaken(carriers.size(), 0, false, Optional.empty());
        }
        int stored = 0;
        // Decided by the page's oldest message: one that came live since connecting is known too, and sits at
        // the top of the newest page, with what we missed below it.
        boolean decided = false;
        boolean reachedHistory = false;
        Optional<String> oldestId = Optional.empty();
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
            if (oldestId.isEmpty() && result.getId() != null) {
                oldestId = Optional.of(result.getId());
            }
            long seq = below - carriers.size() - 1 + position;
            Arrivals.Taken taken = takeOne(own, arrivals, result.getId(), result.getForwarded(), seq, olderThanHistory, order);
            if (taken == Arrivals.Taken.STORED) {
                stored++;
            }
            if (!decided && (taken == Arrivals.Taken.STORED || taken == Arrivals.Taken.KNOWN)) {
                decided = true;
                reachedHistory = taken == Arrivals.Taken.KNOWN;
            }
        }
        return new PageTaken(carriers.size(), stored, reachedHistory, oldestId);
    }

    private Arrivals.Taken takeOne(BareJid own, Arrivals arrivals, String archiveId, Forwarded<Message> forwarded,
            long seq, boolean olderThanHistory, ArchiveOrder order) {
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
        Optional<String> resource = Optional.ofNullable(contact.getResourceOrNull()).map(Object::toString);
        return olderThanHistory ? arrivals.takeOlder(message, contact.asBareJid(), outgoing, resource, at, Optional.ofNullable(archiveId), seq)
                : arrivals.takeMissed(message, contact.asBareJid(), outgoing, resource, at, Optional.ofNullable(archiveId), seq, order);
    }
}
