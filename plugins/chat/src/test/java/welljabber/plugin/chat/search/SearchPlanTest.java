package welljabber.plugin.chat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchPlanTest {

    @Test
    void theRarestWordGoesFirstWhateverItsLength() {
        assertEquals(List.of("the", "pineapple"), SearchPlan.rarestFirst(List.of("pineapple", "the"), Map.of("the", 3L, "pineapple", 900L)));
        assertEquals(List.of("pineapple", "the"), SearchPlan.rarestFirst(List.of("the", "pineapple"), Map.of("the", 90_000L, "pineapple", 100L)));
    }

    @Test
    void aWordNoMessageHasGoesFirstSoTheSearchEndsAtOnce() {
        assertEquals(List.of("zanzibar", "water"), SearchPlan.rarestFirst(List.of("water", "zanzibar"), Map.of("water", 50_000L)));
    }

    @Test
    void wordsOfTheSameCountGoLongestThenAlphabetical() {
        assertEquals(List.of("people", "house", "mouse"),
                SearchPlan.rarestFirst(Set.of("mouse", "house", "people"), Map.of("mouse", 7L, "house", 7L, "people", 7L)));
    }
}
