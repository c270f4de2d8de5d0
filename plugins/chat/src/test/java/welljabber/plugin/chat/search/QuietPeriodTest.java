package welljabber.plugin.chat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuietPeriodTest {
    private final QuietPeriod period = new QuietPeriod(500, 5_000);

    @Test
    void waitsUntilHistoryHasBeenQuietForAMoment() {
        assertEquals(500, period.waitNanos(1_000, 1_000, 1_000), "news just now: wait the whole quiet period");
        assertEquals(200, period.waitNanos(1_300, 1_000, 1_000));
        assertEquals(0, period.waitNanos(1_500, 1_000, 1_000), "quiet long enough: index now");
    }

    @Test
    void aBurstThatGoesOnIsIndexedAfterTheLongestDelay() {
        // News every moment since 1,000: never quiet, so the first news' age decides.
        assertEquals(500, period.waitNanos(4_000, 1_000, 4_000));
        assertEquals(100, period.waitNanos(5_900, 1_000, 5_900));
        assertEquals(0, period.waitNanos(6_000, 1_000, 6_000));
    }
}
