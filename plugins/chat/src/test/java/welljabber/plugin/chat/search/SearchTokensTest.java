package welljabber.plugin.chat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchTokensTest {

    @Test
    void wordsAreLowerCaseAndPunctuationSeparates() {
        assertEquals(List.of("meet", "at", "café", "5pm", "ok"), List.copyOf(SearchTokens.of("Meet at CAFÉ, 5pm? OK!")));
    }

    @Test
    void chineseIsIndexedInPairsSoAnyTwoCharacterPieceMatches() {
        Set<String> tokens = SearchTokens.of("我们明天见面");
        assertEquals(List.of("我们", "们明", "明天", "天见", "见面"), List.copyOf(tokens));
        assertTrue(tokens.containsAll(SearchTokens.of("明天")));
        assertTrue(tokens.containsAll(SearchTokens.of("明天见")));
        assertEquals(Set.of("好"), SearchTokens.of("好"));
    }

    @Test
    void mixedScriptsSplitWhereTheScriptChanges() {
        assertEquals(List.of("welljabber", "很好", "好用", "v2"), List.copyOf(SearchTokens.of("WellJabber很好用v2")));
    }

    @Test
    void fullWidthAndCompatibilityFormsAreFoundByTheirPlainForm() {
        assertEquals(SearchTokens.of("abc123"), SearchTokens.of("ＡＢＣ１２３"));
    }

    @Test
    void aTextHasAllTheWordsOfAQueryExactlyWhenItsTokensDo() {
        Set<String> query = SearchTokens.of("Pineapple PARTY");
        assertTrue(SearchTokens.hasAll("Remember the pineapple for the party!", query));
        assertFalse(SearchTokens.hasAll("Remember the pineapple", query));
        assertFalse(SearchTokens.hasAll("pineapples for the party", query), "a longer word is another token");
        assertTrue(SearchTokens.hasAll("ＰＩＮＥＡＰＰＬＥ ｐａｒｔｙ", query), "full-width letters, not ASCII: split as the index does");
        assertTrue(SearchTokens.hasAll("我们明天见面", SearchTokens.of("明天")));
        assertFalse(SearchTokens.hasAll("我们明年见面", SearchTokens.of("明天")));
    }

    @Test
    void nothingToSearchForInPunctuation() {
        assertTrue(SearchTokens.of("?!… --- ").isEmpty());
    }
}
