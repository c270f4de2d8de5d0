package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.chatstates.ChatStateListener;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;

/**
 * Hooks the chat plugin into each account's Smack connection and takes it out again. Smack's own
 * automatic receipts are switched off: we send receipts ourselves once a message is stored.
 */
public final class ChatProtocol {
    private static final System.Logger LOG = System.getLogger(ChatProtocol.class.getName());
    /** The longest one batch's transaction may still take once storing gave up (it holds at most 250 messages). */
    static final Duration LAST_TRANSACTION = Duration.ofSeconds(10);

    private final MessageStore store;
    private final HistoryListener listener;
    private final Locale locale;
    private final Clock clock;
    private final PeerStates peerStates;
    private final Predicate<ConversationKey> onScreen;
    private final Map<XMPPConnection, Attachment> attachments = new ConcurrentHashMap<>();
    /**
     * What {@link #detach} let go of, until {@link #detachAll(Duration)}: one account's connection let go (the
     * account edited, removed) may still be storing its last burst as the app exits. Weak: an inbound whose
     * storing thread has ended is gone with its connection; a running one keeps itself here.
     */
    private final Set<Inbound> letGo = Collections.newSetFromMap(new WeakHashMap<>());

    private record Attachment(Inbound inbound, Carbons carbons, Answers answers, ConnectionListener carbonsOn,
            ChatStateListener typing) {
    }

    /** Without a screen (tests, the bench without UI): no conversation is ever being looked at. */
    public ChatProtocol(MessageStore store, HistoryListener listener, PeerStates peerStates, Locale locale, Clock clock) {
        this(store, listener, peerStates, key -> false, locale, clock);
    }

    /** {@code onScreen}: whether the user is looking at a conversation; its new messages are stored as read. */
    public ChatProtocol(MessageStore store, HistoryListener listener, PeerStates peerStates, Predicate<ConversationKey> onScreen,
            Locale locale, Clock clock) {
        this.onScreen = onScreen;
        this.peerStates = peerStates;
        this.store = store;
        this.listener = listener;
        this.locale = locale;
        this.clock = clock;
    }

    /** Call before the connection logs in (a session listener's connectionCreated) or any time after. */
    public synchronized void attach(AccountId account, XMPPConnection connection) {
        if (attachments.containsKey(connection)) {
            return;
        }
        Arrivals arrivals = arrivals(account, connection);
        Inbound inbound = new Inbound(connection, store, arrivals, listener);
        Attachment attachment = new Attachment(inbound, new Carbons(inbound),
                new Answers(account, store, listener, locale), new ConnectionListener() {
                    @Override
                    public void authenticated(XMPPConnection authenticated, boolean resumed) {
                        if (!resumed) {
                            markSessionStart(account); // before offline storage delivers: Smack sends presence after this
                            enableCarbons(authenticated); // a new session starts without carbons
                        }
                        inbound.sessionStarted();
                    }
                }, ChatStates.attach(account, connection, peerStates));
        attachments.put(connection, attachment);
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        receipts.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.disabled);
        receipts.addReceiptReceivedListener(attachment.answers());
        connection.addAsyncStanzaListener(attachment.answers(), Answers.ERRORS);
        ChatManager.getInstanceFor(connection).addIncomingListener(attachment.inbound());
        CarbonManager.getInstanceFor(connection).addCarbonCopyReceivedListener(attachment.carbons());
        // Smack 4.4 does not turn carbons on by itself (CarbonManager is off by default, globally); we ask
        // at each new session rather than flip that process-wide default.
        connection.addConnectionListener(attachment.carbonsOn());
        if (connection.isAuthenticated()) {
            markSessionStart(account);
            enableCarbons(connection);
        }
    }

    /** What stores this connection's messages; also used by the archive, so both dedupe the same way. */
    Arrivals arrivals(AccountId account, XMPPConnection connection) {
        return new Arrivals(account, store, listener, clock, onScreen,
                () -> connection.getUser() == null ? null : connection.getUser().asBareJid());
    }

    /** Where history stood when the session started; if the mark fails, messages only lose their place within a second. */
    private void markSessionStart(AccountId account) {
        try {
            store.sessionStarted(account, clock.instant());
        } catch (RuntimeException notMarked) {
            LOG.log(System.Logger.Level.WARNING, "Could not note where the session started in history", notMarked);
        }
    }

    private static void enableCarbons(XMPPConnection connection) {
        CarbonManager.getInstanceFor(connection).enableCarbonsAsync(failure ->
                LOG.log(System.Logger.Level.INFO, "The server did not turn on message carbons: {0}", failure.toString()));
    }

    public synchronized void detach(XMPPConnection connection) {
        Attachment attachment = attachments.remove(connection);
        if (attachment == null) {
            return;
        }
        ChatManager.getInstanceFor(connection).removeIncomingListener(attachment.inbound());
        attachment.inbound().close();
        synchronized (letGo) {
            letGo.add(attachment.inbound());
        }
        CarbonManager.getInstanceFor(connection).removeCarbonCopyReceivedListener(attachment.carbons());
        connection.removeConnectionListener(attachment.carbonsOn());
        ChatStates.detach(connection, attachment.typing());
        connection.removeAsyncStanzaListener(attachment.answers());
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        receipts.removeReceiptReceivedListener(attachment.answers());
        // Smack's automatic receipts stay off: the plugin stops before the connection closes (at exit, or when the
        // user turns the plugin off), and a receipt from then on would tell the sender "delivered" for a message
        // nobody stored.
    }

    public synchronized void detachAll() {
        List.copyOf(attachments.keySet()).forEach(this::detach);
    }

    /**
     * Lets go of every connection, then waits up to {@code patience} for the messages that had already
     * arrived to be stored and acknowledged: at exit the database closes next. What is not stored by then
     * stays unstored and unanswered, and no storing is under way when this returns (up to
     * {@link #LAST_TRANSACTION} more for one that is). True when all were stored.
     */
    public boolean detachAll(Duration patience) throws InterruptedException {
        List<Inbound> storing;
        synchronized (this) {
            detachAll();
            synchronized (letGo) {
                storing = List.copyOf(letGo);
                letGo.clear();
            }
        }
        long deadline = System.nanoTime() + patience.toNanos();
        boolean all = true;
        try {
            for (Inbound inbound : storing) {
                all &= inbound.awaitStored(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } finally {
            // Interrupted or not: none may store once this returns.
            long lastDeadline = System.nanoTime() + LAST_TRANSACTION.toNanos();
            for (Inbound inbound : storing) {
                if (!inbound.abandon(Duration.ofNanos(Math.max(0, lastDeadline - System.nanoTime())))) {
                    LOG.log(System.Logger.Level.ERROR, "Storing messages did not end within {0}; the database may close under it",
                            LAST_TRANSACTION);
                }
            }
        }
        return all;
    }
}
