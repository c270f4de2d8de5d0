package welljabber.plugin.chat.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text as the search index keeps them: lower case, Unicode-normalised, runs of letters
 * and digits. Chinese, Japanese and Korean are written without spaces, so runs of those scripts are
 * indexed as overlapping pairs of characters (bigrams): a query of two or more such characters finds
 * every message containing it. H2's own full-text search needs database administrator rights the
 * plugin does not have (and no Lucene is on the module path), hence this small tokenizer.
 */
public final class SearchTokens {
    /** The index column's width; longer words are cut (they still match on their first characters). */
    static final int MAX_TOKEN = 64;

    private SearchTokens() {
    }

    /** The distinct tokens of {@code text}, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        StringBuilder ideographs = new StringBuilder();
        normal.codePoints().forEach(cp -> {
            if (ideographic(cp)) {
                flushWord(word, tokens);
                ideographs.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushIdeographs(ideographs, tokens);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, tokens);
                flushIdeographs(ideographs, tokens);
            }
        });
        flushWord(word, tokens);
        flushIdeographs(ideographs, tokens);
        return tokens;
    }

    /**
     * Whether {@code text} has every one of {@code words} (tokens as {@link #of} gives them) among its
     * tokens. Most texts are plain ASCII, which NFKC leaves as it is, so a token of one is a substring of
     * it lower-cased: a text missing a word as a substring cannot have it as a token, and is ruled out
     * without being split (searching the messages the index has not reached splits thousands of them).
     */
    public static boolean hasAll(String text, Set<String> words) {
        if (ascii(text)) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!lower.contains(word)) {
                    return false;
                }
            }
        }
        return of(text).containsAll(words);
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void flushWord(StringBuilder word, Set<String> tokens) {
        if (!word.isEmpty()) {
            tokens.add(cut(word.toString()));
            word.setLength(0);
        }
    }

    private static void flushIdeographs(StringBuilder run, Set<String> tokens) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            tokens.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            tokens.add(new String(cps, i, 2));
        }
        run.setLength(0);
    }

    private static String cut(String word) {
        return word.length() <= MAX_TOKEN ? word : word.substring(0, word.offsetByCodePoints(0, Math.min(MAX_TOKEN / 2,
                word.codePointCount(0, word.length()))));
    }

    private static boolean ideographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
