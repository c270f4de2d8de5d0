package welljabber.plugin.chat.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import welljabber.plugin.chat.store.ConversationKey;

/**
 * Which new messages become a desktop notice. None while the user is looking at the window or has
 * turned notices off; otherwise the first one shows at once, and what arrives within {@link #QUIET} of
 * the last notice is held and then shown as one summary. Without this a burst of messages (a contact
 * pasting a log line by line, offline messages arriving at log-in) became as many notices, piling up
 * on the desktop and keeping the FX thread busy building popups. Not thread-safe: the FX thread's.
 */
public final class NoticeGate {
    /** At most one notice per this long; about as long as a notice stays on screen. */
    public static final Duration QUIET = Duration.ofSeconds(5);

    /** What to do with one new message. */
    public enum Decision {
        /** Show a notice for this message now. */
        SHOW,
        /** Held for a summary: ask {@link #held(Instant)} at {@link #summaryDue()}. */
        HOLD,
        /** No notice: the user is looking, or has turned notices off. */
        NONE
    }

    /** Messages held back and shown as one notice. */
    public record Summary(int messages, Set<ConversationKey> from) {
        public Summary {
            from = Set.copyOf(from);
        }
    }

    private Instant lastShown;
    private int held;
    private final Set<ConversationKey> heldFrom = new LinkedHashSet<>();

    /**
     * @param looking whether the user is looking at the window (it is focused)
     * @param wanted  whether the user wants notices (the setting)
     */
    public Decision arrived(ConversationKey from, boolean looking, boolean wanted, Instant now) {
        if (looking || !wanted) {
            // What was held is seen now, or not wanted any more.
            forgetHeld();
            return Decision.NONE;
        }
        if (lastShown == null || !now.isBefore(lastShown.plus(QUIET))) {
            lastShown = now;
            return Decision.SHOW;
        }
        held++;
        heldFrom.add(from);
        return Decision.HOLD;
    }

    /** When the held messages may be shown: {@link #QUIET} after the last notice. */
    public Instant summaryDue() {
        return lastShown == null ? Instant.MIN : lastShown.plus(QUIET);
    }

    /** The held messages as one notice, if any and if it is time; they are then no longer held. */
    public Optional<Summary> held(Instant now) {
        if (held == 0 || now.isBefore(summaryDue())) {
            return Optional.empty();
        }
        Summary summary = new Summary(held, heldFrom);
        forgetHeld();
        lastShown = now;
        return Optional.of(summary);
    }

    /** Whether messages are held for a summary. */
    public boolean holding() {
        return held > 0;
    }

    /** The user looked at the window: nothing held needs telling any more. */
    public void userLooked() {
        forgetHeld();
    }

    private void forgetHeld() {
        held = 0;
        heldFrom.clear();
    }
}
