package welljabber.plugin.chat.store;

import java.time.Instant;
import java.util.Comparator;

/** Where a message sits in a conversation's history: its time, then its order number among messages of that time. */
public record HistoryPlace(Instant at, long seq) implements Comparable<HistoryPlace> {
    private static final Comparator<HistoryPlace> ORDER = Comparator.comparing(HistoryPlace::at).thenComparingLong(HistoryPlace::seq);

    @Override
    public int compareTo(HistoryPlace other) {
        return ORDER.compare(this, other);
    }

    /**
     * The time to give a message at {@code place} so that it sorts after this place: its own when it already
     * does; this place's time when its order number then puts it after; else a millisecond later (a message
     * stamped to the second then shows at most a moment later than the server said).
     */
    public Instant justAfter(HistoryPlace place) {
        if (compareTo(place) < 0) {
            return place.at();
        }
        return place.seq() > seq ? at : at.plusMillis(1);
    }
}
