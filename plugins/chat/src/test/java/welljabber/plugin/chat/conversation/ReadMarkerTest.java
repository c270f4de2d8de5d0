package welljabber.plugin.chat.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;

class ReadMarkerTest {
    private static final ConversationKey ALICE = key("alice@localhost");
    private static final ConversationKey BOB = key("bob@localhost");

    private static ConversationKey key(String jid) {
        return new ConversationKey(new AccountId("a"), JidCreate.bareFromOrThrowUnchecked(jid));
    }

    /** Runs background work only when the test says so, to see what piles up meanwhile. */
    private static final class StepExecutor implements Executor {
        final Deque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    @Test
    void manyAsksWhileTheDatabaseIsBusyBecomeOneRunPerConversation() {
        StepExecutor background = new StepExecutor();
        List<ConversationKey> marked = new ArrayList<>();
        ReadMarker marker = new ReadMarker(background, marked::add, java.time.Duration.ZERO);
        for (int i = 0; i < 1000; i++) {
            marker.ask(ALICE);
        }
        marker.ask(BOB);
        assertEquals(1, background.queued.size(), "one run is scheduled, not one per ask");
        background.runAll();
        assertEquals(2, marked.size());
        assertEquals(java.util.Set.of(ALICE, BOB), java.util.Set.copyOf(marked));
    }

    @Test
    void anAskDuringARunIsNotLost() {
        StepExecutor background = new StepExecutor();
        List<ConversationKey> marked = new ArrayList<>();
        ReadMarker[] marker = new ReadMarker[1];
        marker[0] = new ReadMarker(background, key -> {
            marked.add(key);
            if (marked.size() == 1) {
                marker[0].ask(ALICE); // a new message was seen while the first UPDATE ran
            }
        }, java.time.Duration.ZERO);
        marker[0].ask(ALICE);
        background.runAll();
        assertEquals(List.of(ALICE, ALICE), marked);
        assertEquals(0, background.queued.size());
    }

    @Test
    void asksDuringTheGapBetweenRunsWaitForItAndBecomeOneRun() {
        StepExecutor background = new StepExecutor();
        List<ConversationKey> marked = new ArrayList<>();
        ReadMarker marker = new ReadMarker(background, marked::add, java.time.Duration.ofMillis(20));
        marker.ask(ALICE);
        background.runAll();
        for (int i = 0; i < 100; i++) {
            marker.ask(ALICE);
        }
        background.runAll(); // sleeps out the rest of the gap, then marks once
        assertEquals(List.of(ALICE, ALICE), marked);
    }

    @Test
    void aFailureIsLoggedAndLaterAsksStillRun() {
        StepExecutor background = new StepExecutor();
        List<ConversationKey> marked = new ArrayList<>();
        ReadMarker marker = new ReadMarker(background, key -> {
            if (key.equals(BOB)) {
                throw new IllegalStateException("database closed");
            }
            marked.add(key);
        }, java.time.Duration.ZERO);
        marker.ask(BOB);
        background.runAll();
        marker.ask(ALICE);
        background.runAll();
        assertEquals(List.of(ALICE), marked);
    }
}
