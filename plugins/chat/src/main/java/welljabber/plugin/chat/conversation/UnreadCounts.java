package welljabber.plugin.chat.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import welljabber.plugin.chat.store.ConversationKey;

/**
 * How many messages of each conversation the user has not seen. The database is the truth (the
 * UNREAD column); this keeps the numbers in memory so each new message does not cost a count query,
 * and tells {@code onChange} (which publishes {@code UnreadCountChanged}) whenever one changes.
 */
final class UnreadCounts {
    private final Map<ConversationKey, Integer> counts = new HashMap<>();
    private final BiConsumer<ConversationKey, Integer> onChange;

    UnreadCounts(BiConsumer<ConversationKey, Integer> onChange) {
        this.onChange = onChange;
    }

    /** The counts read from history at start. */
    synchronized void load(Map<ConversationKey, Integer> stored) {
        stored.forEach((key, count) -> {
            counts.put(key, count);
            onChange.accept(key, count);
        });
    }

    synchronized void increment(ConversationKey key) {
        int count = counts.merge(key, 1, Integer::sum);
        onChange.accept(key, count);
    }

    synchronized void clear(ConversationKey key) {
        Integer before = counts.remove(key);
        if (before != null && before > 0) {
            onChange.accept(key, 0);
        }
    }

    synchronized int get(ConversationKey key) {
        return counts.getOrDefault(key, 0);
    }
}
