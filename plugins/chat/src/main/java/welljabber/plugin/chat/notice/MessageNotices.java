package welljabber.plugin.chat.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.render.BodyRenderer;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Desktop notices for new messages: asks the {@link NoticeGate} about each, shows the start of a
 * message it lets through, and shows what it held back as one summary when its quiet period is over.
 * FX thread only.
 */
public final class MessageNotices {
    /** A notice shows the start of a message only. */
    private static final int NOTICE_LENGTH = 200;

    /** Where notices go, and what decides whether they are wanted. */
    public interface Desktop {
        /** Whether the user is looking at the window (it is focused). */
        boolean userLooking();

        /** The user's setting. */
        boolean wanted();

        void show(String title, String text);
    }

    private final NoticeGate gate = new NoticeGate();
    private final Desktop desktop;
    private final Texts texts;
    private final Function<ConversationKey, String> names;
    private PauseTransition heldTimer;

    /** {@code names}: the name a conversation's contact is shown by. */
    public MessageNotices(Desktop desktop, Texts texts, Function<ConversationKey, String> names) {
        this.desktop = desktop;
        this.texts = texts;
        this.names = names;
    }

    /** A new message from a contact. */
    public void arrived(StoredMessage message) {
        Instant now = Instant.now();
        switch (gate.arrived(message.key(), desktop.userLooking(), desktop.wanted(), now)) {
            case SHOW -> {
                String sender = names.apply(message.key());
                String text = BodyRenderer.render(message.body(), sender).text();
                desktop.show(texts.format("notice.title", sender),
                        text.length() > NOTICE_LENGTH ? text.substring(0, NOTICE_LENGTH) + "…" : text);
            }
            case HOLD -> tellHeldLater(now);
            case NONE -> {
            }
        }
    }

    /** The plugin stops: no summary comes any more. Any thread. */
    public void stop() {
        PauseTransition timer = heldTimer;
        if (timer != null) {
            Platform.runLater(timer::stop); // an animation is the FX thread's to stop
        }
    }

    /** One timer for what the gate holds back. */
    private void tellHeldLater(Instant now) {
        if (heldTimer != null && heldTimer.getStatus() == Animation.Status.RUNNING) {
            return;
        }
        heldTimer = new PauseTransition(javafx.util.Duration.millis(Math.max(1, Duration.between(now, gate.summaryDue()).toMillis())));
        heldTimer.setOnFinished(done -> {
            if (desktop.userLooking()) {
                gate.userLooked();
                return;
            }
            Instant at = Instant.now();
            gate.held(at).ifPresentOrElse(summary -> desktop.show(texts.get("notice.summary.title"), summary.from().size() == 1
                    ? texts.format("notice.summary.one", summary.messages(), names.apply(summary.from().iterator().next()))
                    : texts.format("notice.summary.many", summary.messages(), summary.from().size())), () -> {
                if (gate.holding()) {
                    tellHeldLater(at); // the timer ran a little early for the clock
                }
            });
        });
        heldTimer.play();
    }
}
