package welljabber.plugin.chat.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * In which order a search visits its words: the rarest first. The rarest word's postings are walked
 * newest first and every other word is checked per posting, so the walk is never longer than the
 * rarest word's postings and usually stops at the first page. Starting from a common word instead
 * ("the" in "the pineapple") would walk hundreds of thousands of postings to find a handful of hits.
 */
final class SearchPlan {
    private SearchPlan() {
    }

    /**
     * {@code tokens} rarest first by {@code docs} (how many messages have each; a word missing there has
     * none). Ties, as between words of the same count: the longer word first, then alphabetical, so a
     * query always runs the same way.
     */
    static List<String> rarestFirst(Collection<String> tokens, Map<String, Long> docs) {
        List<String> ordered = new ArrayList<>(tokens);
        ordered.sort(Comparator.<String>comparingLong(token -> docs.getOrDefault(token, 0L))
                .thenComparing(Comparator.comparingInt(String::length).reversed())
                .thenComparing(Comparator.naturalOrder()));
        return ordered;
    }
}
