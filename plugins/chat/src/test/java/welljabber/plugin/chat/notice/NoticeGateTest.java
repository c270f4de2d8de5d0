package welljabber.plugin.chat.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.notice.NoticeGate.Decision;
import welljabber.plugin.chat.store.ConversationKey;

class NoticeGateTest {
    private static final ConversationKey ALICE = key("alice@localhost");
    private static final ConversationKey BOB = key("bob@localhost");
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final NoticeGate gate = new NoticeGate();

    private static ConversationKey key(String jid) {
        return new ConversationKey(new AccountId("acc"), JidCreate.bareFromOrThrowUnchecked(jid));
    }

    @Test
    void noNoticeWhileTheUserLooksOrHasTurnedThemOff() {
        assertEquals(Decision.NONE, gate.arrived(ALICE, true, true, T0));
        assertEquals(Decision.NONE, gate.arrived(ALICE, false, false, T0));
        assertEquals(Decision.SHOW, gate.arrived(ALICE, false, true, T0), "elsewhere and wanted: shown");
    }

    @Test
    void aBurstIsOneNoticeAndThenOneSummaryOfTheRest() {
        assertEquals(Decision.SHOW, gate.arrived(ALICE, false, true, T0));
        for (int i = 1; i <= 40; i++) {
            assertEquals(Decision.HOLD, gate.arrived(i % 4 == 0 ? BOB : ALICE, false, true, T0.plusMillis(100L * i)));
        }
        assertEquals(T0.plus(NoticeGate.QUIET), gate.summaryDue());
        assertEquals(Optional.empty(), gate.held(T0.plusSeconds(4)), "not before the quiet period is over");
        assertEquals(Optional.of(new NoticeGate.Summary(40, Set.of(ALICE, BOB))), gate.held(T0.plus(NoticeGate.QUIET)));
        assertEquals(Optional.empty(), gate.held(T0.plusSeconds(60)), "told once");

        Instant afterSummary = T0.plus(NoticeGate.QUIET);
        assertEquals(Decision.HOLD, gate.arrived(ALICE, false, true, afterSummary.plusSeconds(1)),
                "the summary counts as a notice: the next waits its quiet period too");
        assertEquals(Decision.SHOW, gate.arrived(ALICE, false, true, afterSummary.plus(NoticeGate.QUIET).plusSeconds(1)));
    }

    @Test
    void whatWasHeldIsForgottenOnceTheUserLooks() {
        gate.arrived(ALICE, false, true, T0);
        assertEquals(Decision.HOLD, gate.arrived(ALICE, false, true, T0.plusSeconds(1)));
        gate.userLooked();
        assertTrue(gate.held(T0.plusSeconds(10)).isEmpty());

        assertEquals(Decision.HOLD, gate.arrived(BOB, false, true, T0.plusSeconds(2)));
        assertEquals(Decision.NONE, gate.arrived(BOB, true, true, T0.plusSeconds(3)), "a message seen in the window");
        assertTrue(gate.held(T0.plusSeconds(10)).isEmpty());
    }
}
