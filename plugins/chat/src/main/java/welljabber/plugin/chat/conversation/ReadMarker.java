package welljabber.plugin.chat.conversation;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import welljabber.plugin.chat.store.ConversationKey;

/**
 * Marks conversations read in history, one database run at a time. While a conversation is on
 * screen each new message asks for it to be marked read; during a burst that was one UPDATE per
 * message, each reading the whole conversation, competing with storing the burst. Asks that come
 * while a run is going, or in the short gap kept between runs, are folded into one more run.
 */
final class ReadMarker {
    private static final System.Logger LOG = System.getLogger(ReadMarker.class.getName());

    /** Between two runs at least this long: during a burst each run reads the whole conversation. */
    static final Duration GAP = Duration.ofMillis(250);

    private final Executor background;
    private final Duration gap;
    private volatile long lastRunEnded = System.nanoTime() - Duration.ofDays(1).toNanos();
    private final Consumer<ConversationKey> markRead;
    private final Set<ConversationKey> asked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code markRead} does the work for one conversation, on a {@code background} thread. */
    ReadMarker(Executor background, Consumer<ConversationKey> markRead) {
        this(background, markRead, GAP);
    }

    ReadMarker(Executor background, Consumer<ConversationKey> markRead, Duration gap) {
        this.gap = gap;
        this.background = background;
        this.markRead = markRead;
    }

    /** Any thread. */
    void ask(ConversationKey key) {
        asked.add(key);
        if (running.compareAndSet(false, true)) {
            background.execute(this::run);
        }
    }

    private void run() {
        try {
            long wait = lastRunEnded + gap.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait)); // more asks gather meanwhile
            }
            for (ConversationKey key : asked) {
                asked.remove(key);
                try {
                    markRead.accept(key);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Could not mark " + key.peer() + " read", e);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            lastRunEnded = System.nanoTime();
            running.set(false);
        }
        if (!asked.isEmpty() && running.compareAndSet(false, true)) {
            background.execute(this::run); // asked again while this run was finishing
        }
    }
}
