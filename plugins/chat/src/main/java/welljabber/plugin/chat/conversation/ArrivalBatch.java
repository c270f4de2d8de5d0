package welljabber.plugin.chat.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import welljabber.plugin.chat.store.StoredMessage;

/**
 * Messages that arrived during one batch of FX work, put into a conversation's list together. Added
 * one by one, each message of a 10,000-message burst cost the list view a change of its own (cell
 * count, size estimates, a scroll to the end); added as one run at the end of the list they cost one.
 * Plain Java on purpose, so the ordering rules are tested without a toolkit.
 */
final class ArrivalBatch {
    /** Time order, and arrival order among messages of the same instant. */
    static final Comparator<StoredMessage> TIME_ORDER = Comparator.comparing(StoredMessage::at).thenComparingLong(StoredMessage::seq);

    private final List<StoredMessage> pending = new ArrayList<>();

    /** Keeps {@code message} for the next {@link #flushInto}; true when it is the first kept since the last flush. */
    boolean add(StoredMessage message) {
        pending.add(message);
        return pending.size() == 1;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Moves the kept messages into {@code list} (time order) and forgets them. A message the list has
     * ({@code shown} holds its id) is left out: the newest page read from history may already have it.
     * When all of them are newer than the list's last message, as in a burst, they are added with one
     * {@code addAll}; otherwise each goes to its place.
     *
     * <p>{@code historyAbove}: the list starts after the conversation's oldest message, and older pages
     * are read from history as the user scrolls up. A message older than the list's first then belongs
     * to those pages and is left to them (it is in history, as everything told here is): put above the
     * list it stood across a gap from it, and the page read when the user scrolled up, which holds it
     * too, showed it a second time (seen with pages back-filled from the server's archive).
     */
    void flushInto(List<StoredMessage> list, Set<Long> shown, boolean historyAbove) {
        if (pending.isEmpty()) {
            return;
        }
        List<StoredMessage> batch = historyAbove && !list.isEmpty()
                ? pending.stream().filter(message -> TIME_ORDER.compare(message, list.getFirst()) > 0).toList()
                : List.copyOf(pending);
        pending.clear();
        mergeInto(list, batch, shown);
    }

    /**
     * Puts {@code incoming} into {@code list} in time order, leaving out what the list has ({@code shown}
     * holds its ids) and repeats. All newer than the list's last message (a burst), or all older than its
     * first (a page of history): one {@code addAll}, so a list view sees one change; otherwise each goes
     * to its place.
     */
    static void mergeInto(List<StoredMessage> list, List<StoredMessage> incoming, Set<Long> shown) {
        Set<Long> seen = new HashSet<>();
        List<StoredMessage> fresh = new ArrayList<>(incoming.size());
        for (StoredMessage message : incoming) {
            if (!shown.contains(message.id()) && seen.add(message.id())) {
                fresh.add(message);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(TIME_ORDER);
        if (list.isEmpty() || TIME_ORDER.compare(list.getLast(), fresh.getFirst()) <= 0) {
            list.addAll(fresh);
        } else if (TIME_ORDER.compare(fresh.getLast(), list.getFirst()) <= 0) {
            list.addAll(0, fresh);
        } else {
            fresh.forEach(message -> place(list, message));
        }
    }

    /**
     * Puts {@code changed} where the list has its earlier version, at {@code index}; if its time changed
     * (catching up moved it below a message it came after in the archive, within a moment), it goes to
     * its new place.
     */
    static void replace(List<StoredMessage> list, int index, StoredMessage changed) {
        if (TIME_ORDER.compare(list.get(index), changed) == 0) {
            list.set(index, changed);
            return;
        }
        list.remove(index);
        place(list, changed);
    }

    /** Inserts in time order; nearly always at the end, so the search starts there. */
    static void place(List<StoredMessage> list, StoredMessage message) {
        int index = list.size();
        while (index > 0 && TIME_ORDER.compare(list.get(index - 1), message) > 0) {
            index--;
        }
        list.add(index, message);
    }
}
