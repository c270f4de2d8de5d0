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

    public BackgroundIndexer(SearchIndex index, Executor background) {
        this.index = index;
        this.background = background;
    }

    /** Something new may be in history; any thread. */
    public void poke() {
        dirty.set(true);
        if (running.compareAndSet(false, true)) {
            background.execute(this::run);
        }
    }

    private void run() {
        try {
            while (dirty.getAndSet(false)) {
                index.catchUp();
            }
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
