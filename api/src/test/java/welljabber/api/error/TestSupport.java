package welljabber.api.error;

import java.util.Locale;

/** Small helpers shared by the tests of this package. */
final class TestSupport {

    static final Locale EN = Locale.ENGLISH;
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private TestSupport() {
    }

    /** Whether the text has at least one Chinese character. */
    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** Whether the text has a control, bidi-override or other invisible formatting character. */
    static boolean hasControlOrFormat(String text) {
        return text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                || (Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D)
                || Character.getType(cp) == Character.SURROGATE);
    }
}
