package welljabber.plugin.chat.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.HistoryPlace;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Keeps the archive's order among the messages one catch-up walked through. The archive stamps whole
 * seconds, and messages that came live in this session have our milliseconds in the same second, and
 * may have been stored after the archive's block of order numbers was taken: by stamp and number alone,
 * a message found in the archive could sort above one it came after (seen: the server-restart test's
 * messages 1 and 2 above message 0, and 41 to 77 above 31 to 40, which came live). Once the walk is
 * done, each message it stored goes after the newest place, in its conversation, of the messages before
 * it in the archive that it stored or this session did, a millisecond later at most
 * ({@link HistoryPlace#justAfter}).
 *
 * <p>Only after the walk: it reads the archive's newest page first and the older ones after, so the
 * messages before one in the archive may be stored after it. Messages history had are never moved, and
 * those from before this session place nothing: earlier catch-ups placed the messages around them
 * without this walk's pages, so pushing this walk's messages after them would part the two (seen in
 * ArchiveTest's gap filling); {@code PlaceInItsSecond} places missed messages after them where it can tell.
 */
final class ArchiveOrder {
    /**
     * A message of the walk in archive order, where history has it; {@code storedId}: the walk stored it
     * (its row), or 0 for one this session had. Not the message itself: a walk can pass 10,000.
     */
    private record Passed(ConversationKey key, long storedId, HistoryPlace place) {
    }

    /** The pages as read, newest first; each in archive order. */
    private final Deque<List<Passed>> pages = new ArrayDeque<>();

    /** The walk reads the next (older) page. */
    void nextPage() {
        pages.addLast(new ArrayList<>());
    }

    /** The page's next message, stored now or stored earlier in this session at {@code known}. */
    void passed(ConversationKey key, Optional<StoredMessage> stored, Optional<HistoryPlace> known) {
        if (pages.isEmpty()) {
            nextPage();
        }
        if (stored.isPresent()) {
            pages.getLast().add(new Passed(key, stored.get().id(), stored.get().place()));
        } else {
            known.ifPresent(place -> pages.getLast().add(new Passed(key, 0, place)));
        }
    }

    /** Moves what the walk stored below a message it came after; {@code listener} hears of each move. */
    void keep(MessageStore store, HistoryListener listener) {
        Map<ConversationKey, HistoryPlace> newest = new HashMap<>();
        for (var page = pages.descendingIterator(); page.hasNext(); ) {
            for (Passed message : page.next()) {
                HistoryPlace floor = newest.get(message.key());
                HistoryPlace place = message.place();
                if (message.storedId() != 0 && floor != null && floor.compareTo(place) >= 0) {
                    place = new HistoryPlace(floor.justAfter(place), place.seq());
                    store.moveTo(message.storedId(), place.at()).ifPresent(listener::changed);
                }
                newest.merge(message.key(), place, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        pages.clear();
    }
}
