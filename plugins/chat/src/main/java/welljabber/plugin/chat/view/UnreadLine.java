package welljabber.plugin.chat.view;

import java.util.List;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ObservableLongValue;
import javafx.collections.ListChangeListener;

import welljabber.plugin.chat.store.StoredMessage;

/**
 * Where the "new messages" line stands in a conversation: above the oldest message that was unread when
 * it came into the list, since the user last wrote. FX thread.
 */
final class UnreadLine {
    private final List<StoredMessage> messages;
    private final LongProperty above = new SimpleLongProperty(-1);

    UnreadLine(List<StoredMessage> messages) {
        this.messages = messages;
    }

    /** The id of the message the line stands above; -1 for no line. */
    ObservableLongValue above() {
        return above;
    }

    /** Messages were added ({@code change} as the list reports it): the line goes above the first unread one unless it is above it already. */
    void added(ListChangeListener.Change<? extends StoredMessage> change) {
        if (above.get() >= 0 && change.getTo() == messages.size()) {
            return; // appended below the line (a burst's batches): it stays where the unread part began
        }
        List<? extends StoredMessage> added = change.getAddedSubList();
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i).unread()) {
                if (above.get() < 0 || change.getFrom() + i < indexOf(above.get())) {
                    above.set(added.get(i).id());
                }
                return;
            }
        }
    }

    /** The user wrote: they have read what came before. */
    void clear() {
        above.set(-1);
    }

    /** Where message {@code id} is in the list; the list's size when it is not there (any line moves above it). */
    private int indexOf(long id) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).id() == id) {
                return i;
            }
        }
        return messages.size();
    }
}
