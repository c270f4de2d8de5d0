package welljabber.plugin.chat.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.Drafts;

/**
 * Keeps what the user types in each open conversation as its draft, so closing the tab, quitting or a
 * crash does not throw it away: saved a moment after the typing stops, at once when the input is emptied
 * (a message just sent must not come back as a draft), and when the tab closes. The saving runs on the
 * background executor; everything else on the FX thread.
 */
public final class DraftKeeper {
    private static final System.Logger LOG = System.getLogger(DraftKeeper.class.getName());
    private static final Duration AFTER_TYPING = Duration.millis(700);

    private final Drafts drafts;
    private final Executor background;
    private final Map<ConversationKey, Watch> watched = new HashMap<>();

    public DraftKeeper(Drafts drafts, Executor background) {
        this.drafts = drafts;
        this.background = background;
    }

    /** One conversation's input: its text, and how to put a saved draft into it while it is still empty. */
    private final class Watch {
        private final ConversationKey key;
        private final ObservableValue<String> text;
        private final PauseTransition pause = new PauseTransition(AFTER_TYPING);
        private final ChangeListener<String> typed = (observable, before, now) -> changed(now);
        private boolean dirty;

        Watch(ConversationKey key, ObservableValue<String> text) {
            this.key = key;
            this.text = text;
            pause.setOnFinished(event -> save());
            text.addListener(typed);
        }

        private void changed(String now) {
            dirty = true;
            if (now == null || now.isEmpty()) {
                save();
            } else {
                pause.playFromStart();
            }
        }

        void save() {
            pause.stop();
            if (dirty) {
                dirty = false;
                String now = text.getValue();
                try {
                    background.execute(() -> saveQuietly(key, now));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    saveQuietly(key, now); // the plugin is stopping: a short write here rather than none
                }
            }
        }

        /** The plugin is stopping and the database closes next: saved on this thread, not queued. */
        void saveNow() {
            pause.stop();
            text.removeListener(typed);
            if (dirty) {
                dirty = false;
                saveQuietly(key, text.getValue());
            }
        }

        void stop() {
            save();
            text.removeListener(typed);
        }
    }

    /**
     * Starts keeping {@code text} as {@code key}'s draft; the saved draft, if any, goes into the input
     * through {@code restore} unless the user (or an xmpp: link) has put something there meanwhile.
     */
    public void watch(ConversationKey key, ObservableValue<String> text, Consumer<String> restore) {
        Watch old = watched.put(key, new Watch(key, text));
        if (old != null) {
            old.stop();
        }
        background.execute(() -> {
            try {
                drafts.of(key).ifPresent(draft -> Platform.runLater(() -> {
                    String now = text.getValue();
                    if (now == null || now.isEmpty()) {
                        restore.accept(draft);
                    }
                }));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not read the draft of " + key.peer(), e);
            }
        });
    }

    /** The conversation's tab closed: what it held is saved now. */
    public void closed(ConversationKey key) {
        Watch watch = watched.remove(key);
        if (watch != null) {
            watch.stop();
        }
    }

    /** The plugin stops: every open conversation's unsaved text is saved before this returns. */
    public void saveAll() {
        watched.values().forEach(Watch::saveNow);
        watched.clear();
    }

    /** A draft that cannot be saved is logged, not shown: the text is still in the input in front of the user. */
    private void saveQuietly(ConversationKey key, String text) {
        try {
            drafts.save(key, text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the draft of " + key.peer(), e);
        }
    }
}
