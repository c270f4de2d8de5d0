package welljabber.plugin.chat.search;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import welljabber.plugin.chat.protocol.HistoryListener;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Keeps the search index up with history: every stored message pokes it, and one background run at a
 * time indexes whatever is new (a burst of thousands of messages makes a few batch runs, not
 * thousands of tiny ones). A corrected message is indexed again by its new text.
 */
public final class BackgroundIndexer implements HistoryListener {
    private static final System.Logger LOG = System.getLogger(BackgroundIndexer.class.getName());

    private final SearchIndex index;
    private final Executor background;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final QuietPeriod quiet;
    /** System.nanoTime of the first and the last poke since indexing last started. */
    private volatile long firstNews;
    private volatile long lastNews;

    /**
     * Runs each indexing run on a thread of its own at the lowest priority: indexing can wait for the
     * window, the window should not wait for indexing (the runtime image maps low Java priorities to a
     * higher nice value, jlink/src/jvm-options). A virtual thread cannot be given a priority.
     */
    public static Executor belowTheWindow() {
        return run -> Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("welljabber-chat-index").start(run);
    }

    public BackgroundIndexer(SearchIndex index, Executor background) {
        this(index, background, QuietPeriod.DEFAULT);
    }

    BackgroundIndexer(SearchIndex index, Executor background, QuietPeriod quiet) {
        this.index = index;
        this.background = background;
        this.quiet = quiet;
    }

    /** Something new may be in history; any thread. */
    public void poke() {
        long now = System.nanoTime();
        if (!dirty.get()) {
            firstNews = now;
        }
        lastNews = now;
        dirty.set(true);
        if (running.compareAndSet(false, true)) {
            background.execute(this::run);
        }
    }

    private void run() {
        try {
            // Not in the middle of a burst (QuietPeriod): wait for a pause, or until the news is old enough.
            for (long wait; (wait = quiet.waitNanos(System.nanoTime(), firstNews, lastNews)) > 0;) {
                Thread.sleep(java.time.Duration.ofNanos(wait));
            }
            while (dirty.getAndSet(false)) {
                index.catchUp();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Indexing messages for search failed", e);
        } finally {
            running.set(false);
        }
        if (dirty.get() && running.compareAndSet(false, true)) {
            background.execute(this::run); // poked while finishing
        }
    }

    @Override
    public void added(StoredMessage message) {
        poke();
    }

    @Override
    public void changed(StoredMessage message) {
        if (message.edited()) {
            background.execute(() -> {
                try {
                    index.reindex(message);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Could not index a corrected message", e);
                }
            });
        }
    }
}
