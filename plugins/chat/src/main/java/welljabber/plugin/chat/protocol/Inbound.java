package welljabber.plugin.chat.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.IncomingChatMessageListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoppableWrites;

/**
 * A contact's message, from Smack's ChatManager (which already keeps to chat and normal messages with
 * a body from a full address, in order, on one thread): stored first, then acknowledged with a receipt
 * (XEP-0184). If storing fails no receipt goes out, so the sender's client still shows the message as
 * not delivered rather than us claiming a message we do not have. Copies of what our other clients sent
 * or received (carbons, {@link Carbons}) are stored the same way, without a receipt: the client that got
 * the message sends it.
 *
 * <p>Messages that arrive while earlier ones are being stored wait, and are then stored together, in
 * order, in one transaction; they are shown and acknowledged once it is committed. In a burst that is
 * one commit for up to {@link #MOST_AT_ONCE} messages instead of one each; a lone message is stored at
 * once, as before. Smack cannot tell a listener that more is queued behind the message it hands over,
 * so the listener only queues and a thread of ours stores.
 */
final class Inbound implements IncomingChatMessageListener {
    private static final System.Logger LOG = System.getLogger(Inbound.class.getName());
    /** The most messages in one transaction: a receipt waits for at most this many to be stored. */
    static final int MOST_AT_ONCE = 250;
    /** Receipts kept for a session at most; beyond, the oldest are dropped (their messages are stored all the same). */
    private static final int MOST_RECEIPTS_HELD = 10_000;

    private final XMPPConnection connection;
    private final MessageStore store;
    private final Arrivals arrivals;
    private final HistoryListener listener;
    private final ConcurrentLinkedQueue<Arrival> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean storing = new AtomicBoolean();
    /** Each batch's transaction: {@link #abandon} stops them. */
    private final StoppableWrites writes = new StoppableWrites();
    /** The thread storing now, or the last one: {@link #awaitStored} waits for it. */
    private volatile Thread storer;
    /** Let go of ({@link #close}): what arrives from now on is not ours to store. Guarded by this. */
    private boolean closed;
    /** Receipts that found the connection down; sent when the next session starts. */
    private final ConcurrentLinkedQueue<Message> heldReceipts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger heldCount = new AtomicInteger();
    /**
     * Receipts handed to the connection and not yet acknowledged by the server: a burst of thousands of
     * messages is answered with as many receipts, and unbounded they could fill Smack's queues until its
     * reader and writer wait on each other for good (as the outbox's did, {@link AckWindow}).
     */
    private volatile AckWindow receipts;

    /**
     * {@code peer}: the contact (for a copy of our own message, its recipient); {@code arrived}: when Smack
     * handed it over, it is stored later, perhaps a burst later; {@code answered}: whether a receipt goes back.
     */
    private record Arrival(Message message, BareJid peer, boolean outgoing, Optional<String> resource, Instant arrived,
            boolean answered) {
    }

    /** {@code arrivals} decides how a message is stored; {@code listener} hears of it once committed. */
    Inbound(XMPPConnection connection, MessageStore store, Arrivals arrivals, HistoryListener listener) {
        this.connection = connection;
        this.store = store;
        this.arrivals = arrivals;
        this.listener = listener;
        this.receipts = new AckWindow(connection, AckWindow.FOR_RECEIPTS);
    }

    @Override
    public void newIncomingMessage(EntityBareJid from, Message message, Chat chat) {
        take(new Arrival(message, from, false, Optional.ofNullable(message.getFrom().getResourceOrNull()).map(Object::toString),
                arrivals.now(), true));
    }

    /**
     * A copy of a message one of our other clients sent ({@code outgoing}) or received, with {@code peer}; stored
     * in turn with the rest, never answered. Through here, not stored on Smack's thread, so that letting go
     * ({@link #close}, {@link #awaitStored}) covers copies too: at exit one could be stored after the database closed.
     */
    void takeCopy(Message copy, BareJid peer, boolean outgoing, Optional<String> resource) {
        take(new Arrival(copy, peer, outgoing, resource, arrivals.now(), false));
    }

    private void take(Arrival arrival) {
        // One step with close(): a message is either taken (and awaitStored waits for it) or not ours.
        synchronized (this) {
            if (closed) {
                // Smack was already calling us as we let go; a moment later it would have called nobody. Not
                // acknowledged, so its sender does not see it delivered; a server with an archive brings it back at
                // the next start's catch-up.
                LOG.log(System.Logger.Level.INFO, "A message arrived as chat let go of the connection; it is not stored now");
                return;
            }
            waiting.add(arrival);
            if (storing.compareAndSet(false, true)) {
                // Below the window's threads (a virtual thread cannot be given a priority): in a burst, storing can
                // wait a moment for the window, the window should not wait for storing. A late store changes no
                // message's place: each is stamped when it arrives, and what catching up from the archive also
                // brings takes the archive's place (MessageStore#placeAsArchived).
                storer = Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("welljabber-chat-inbound")
                        .start(this::storeWaiting);
            }
        }
    }

    /** Takes no more messages; those already taken are still stored ({@link #awaitStored}). */
    synchronized void close() {
        closed = true;
    }

    /**
     * Waits up to {@code patience} until every message taken so far is stored (and acknowledged); true if
     * it is. At exit the database closes next: a batch cut off by that would be lost to history, though the
     * server already counted it delivered.
     */
    boolean awaitStored(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        // Waiting messages with the flag down: the storing thread is between dropping the flag and seeing them.
        while (storing.get() || !waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread current = storer;
            if (current != null && current.isAlive()) {
                current.join(Duration.ofNanos(left));
            } else {
                Thread.sleep(1);
            }
        }
        return true;
    }

    /**
     * Stops storing: what waits stays unstored and unanswered (the server's archive still has it, and the next
     * start's catch-up brings it), and no transaction starts from now on. Waits up to {@code patience} for the one
     * under way, if any; true when none is, and the database may close.
     */
    boolean abandon(Duration patience) throws InterruptedException {
        return writes.stop(patience);
    }

    /** Runs on one thread at a time: stores what waits, batch after batch, until nothing does. */
    private void storeWaiting() {
        while (!writes.stopped()) {
            List<Arrival> batch = new ArrayList<>();
            for (Arrival next; batch.size() < MOST_AT_ONCE && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                store(batch);
                continue;
            }
            storing.set(false);
            // One queued between the poll and the flag dropping found the flag still up: take it, unless
            // a new thread already has.
            if (waiting.isEmpty() || !storing.compareAndSet(false, true)) {
                return;
            }
        }
        storing.set(false);
    }

    private void store(List<Arrival> batch) {
        DeferredHistory news = new DeferredHistory();
        List<Arrivals.Taken> taken;
        try {
            // A duplicate counts as stored and is acknowledged again: its sender resends because our receipt was lost.
            Optional<List<Arrivals.Taken>> stored = writes.run(() -> store.inOneTransaction(inBatch -> {
                Arrivals batchArrivals = arrivals.storingInto(inBatch, news);
                return batch.stream().map(a -> batchArrivals.take(a.message(), a.peer(), a.outgoing(), a.resource(), a.arrived())).toList();
            }));
            if (stored.isEmpty()) {
                return; // stopped, the database may be closing: not stored, not answered, in the server's archive
            }
            taken = stored.get();
        } catch (RuntimeException notCommitted) {
            news.forget();
            LOG.log(System.Logger.Level.ERROR, "Could not store " + batch.size() + " messages; no receipts sent for them",
                    notCommitted);
            return;
        }
        // Stored: a failure from here on must not stop this thread, or every later message would wait unstored.
        try {
            news.tell(listener);
        } catch (RuntimeException notShown) {
            LOG.log(System.Logger.Level.ERROR, batch.size() + " stored messages could not be shown; they are in history", notShown);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).answered() && taken.get(i).inHistory()) {
                try {
                    acknowledge(batch.get(i).message());
                } catch (RuntimeException notAcknowledged) {
                    LOG.log(System.Logger.Level.WARNING, "A receipt could not be sent; the sender may send the message again", notAcknowledged);
                }
            }
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
        String id = message.getStanzaId();
        if (id == null || id.isEmpty()) {
            return; // nothing to refer to
        }
        // As DeliveryReceiptManager.receiptMessageFor builds it, with an id of its own: the window below
        // hears of the server's acknowledgement by that id.
        send(StanzaBuilder.buildMessage(UUID.randomUUID().toString()).ofType(message.getType()).to(message.getFrom())
                .addExtension(new DeliveryReceipt(id)).build());
    }

    /**
     * Sends a receipt, or keeps it for the next session when the connection is down. Never while the
     * connection is between sessions: Smack would write it into a stream still being negotiated, and the
     * server ends that stream with an error (seen: Prosody's invalid-namespace). Kept, not dropped: the
     * sender's message waits for it to show as delivered, and a message the server already took is not
     * sent again (seen: the server-restart test's message left "sent" for good).
     */
    private void send(Message receipt) {
        if (connection.isAuthenticated()) {
            try {
                AckWindow window = receipts;
                if (window.take()) {
                    window.send(receipt, () -> { });
                    return;
                }
            } catch (SmackException.NotConnectedException gone) {
                // kept below
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        keep(receipt);
    }

    private void keep(Message receipt) {
        heldReceipts.add(receipt);
        if (heldCount.incrementAndGet() > MOST_RECEIPTS_HELD && heldReceipts.poll() != null) {
            heldCount.decrementAndGet();
            LOG.log(System.Logger.Level.INFO, "Too many receipts waiting for a connection; the oldest is dropped");
        }
        LOG.log(System.Logger.Level.DEBUG, "Connection down; the receipt to {0} waits for the next session", receipt.getTo());
    }

    /** The connection has a session again: receipts kept while it had none go out now, oldest first. */
    void sessionStarted() {
        // A new window each session: what a lost session left unacknowledged may never be, and must not keep
        // room taken (or the storing thread waiting) for good.
        AckWindow ended = receipts;
        receipts = new AckWindow(connection, AckWindow.FOR_RECEIPTS);
        ended.open();
        for (int left = heldCount.get(); left > 0 && connection.isAuthenticated(); left--) {
            Message receipt = heldReceipts.poll();
            if (receipt == null) {
                return;
            }
            heldCount.decrementAndGet();
            send(receipt);
        }
    }
}
