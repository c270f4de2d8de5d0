package welljabber.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.api.error.TestSupport.EN;
import static welljabber.api.error.TestSupport.ZH;
import static welljabber.api.error.TestSupport.hasControlOrFormat;

import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.Test;

class SanitizeTest {

    private static final String ELLIPSIS = "\u2026";

    @Test
    void hostileServerTextIsCleanedAndCapped() {
        String hostile = "\u0007\u001B[31mCall\u0000 us\r\n now\u202E\u2066 at evil.example\u0085"
                + "A".repeat(10_000);
        StanzaError error = StanzaError.getBuilder(Condition.not_acceptable).setDescriptiveEnText(hostile).build();

        for (var locale : java.util.List.of(EN, ZH)) {
            String sentence = ErrorSentences.forStanzaError(error, locale);
            String base = ErrorSentences.forCondition(Condition.not_acceptable, locale);
            assertTrue(sentence.startsWith(base), sentence);
            assertFalse(hasControlOrFormat(sentence), "control characters survived: " + sentence);
            assertFalse(sentence.contains("\n") || sentence.contains("\r"), sentence);
            assertTrue(sentence.contains("[31mCall us now at evil.example"), sentence);
            assertTrue(sentence.contains("A" + ELLIPSIS), "not cut with an ellipsis: " + sentence);
            // our sentence + the framing words + at most the cap (+ ellipsis) of server text
            assertTrue(sentence.length() < base.length() + 40 + ErrorSentences.MAX_SERVER_TEXT_LENGTH + 1,
                    "too long: " + sentence.length());
        }
    }

    @Test
    void sanitizeTrimsAndCollapsesWhiteSpace() {
        assertEquals("hello there world", ErrorSentences.sanitize("  \t hello\n\n there \u2028 world \u3000 "));
        assertEquals("", ErrorSentences.sanitize(null));
        assertEquals("", ErrorSentences.sanitize(" \u0000\u0001 \u202E "));
    }

    @Test
    void textAtTheCapIsKeptWholeAndOneMoreIsCut() {
        String exact = "x".repeat(ErrorSentences.MAX_SERVER_TEXT_LENGTH);
        assertEquals(exact, ErrorSentences.sanitize(exact));
        assertEquals(exact + ELLIPSIS, ErrorSentences.sanitize(exact + "y"));
    }

    @Test
    void capNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String result = ErrorSentences.sanitize(emoji.repeat(1_000));
        assertEquals(ErrorSentences.MAX_SERVER_TEXT_LENGTH + 1, result.codePointCount(0, result.length()));
        assertTrue(result.endsWith(emoji + ELLIPSIS), result);
        assertFalse(hasControlOrFormat(result));
        assertEquals("ab", ErrorSentences.sanitize("a\uD800b"), "a lone surrogate must go");
    }

    @Test
    void blankServerTextAddsNothing() {
        StanzaError error = StanzaError.getBuilder(Condition.conflict).setDescriptiveEnText(" \u0000\r\n ").build();
        assertEquals(ErrorSentences.forCondition(Condition.conflict, EN), ErrorSentences.forStanzaError(error, EN));
    }

    @Test
    void bracesInServerTextAreNotTreatedAsPlaceholders() {
        StanzaError error = StanzaError.getBuilder(Condition.bad_request).setDescriptiveEnText("bad {0} '{1}'").build();
        assertTrue(ErrorSentences.forStanzaError(error, EN).contains("bad {0} '{1}'"));
    }
}
