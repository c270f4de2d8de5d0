package welljabber.plugin.roster.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.MultipleSelectionModel;

import welljabber.api.account.AccountId;
import welljabber.plugin.roster.model.ContactBook;
import welljabber.plugin.roster.model.ContactRow;
import welljabber.plugin.roster.model.GroupRow;
import welljabber.plugin.roster.model.RosterLayout;
import welljabber.plugin.roster.model.RosterRow;
import welljabber.plugin.roster.model.ViewOptions;

/**
 * The rows the list shows. Changes from the network are coalesced: the first change after a quiet
 * moment schedules one layout {@link #COALESCE_MS} later on a background thread (every
 * {@link #BURST_COALESCE_MS} while a burst goes on), and the FX thread only swaps in the finished
 * rows. A user's own change (filter keystroke, sort, collapse) is laid out at once on the FX
 * thread, because they expect to see it in the same frame.
 */
public final class RosterViewModel {
    static final long COALESCE_MS = 2;
    static final long BURST_COALESCE_MS = 100;
    static final long BURST_WINDOW_MS = 250;

    private final ContactBook book;
    private final RosterLayout layout;
    private final ScheduledExecutorService scheduler;
    private final Function<AccountId, String> accountLabel;
    private final ObservableList<RosterRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ViewOptions> options = new SimpleObjectProperty<>(ViewOptions.DEFAULT);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastBackgroundLayout = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private volatile ViewOptions currentOptions = ViewOptions.DEFAULT;
    private MultipleSelectionModel<RosterRow> selection;

    public RosterViewModel(ContactBook book, RosterLayout layout, ScheduledExecutorService scheduler,
            Function<AccountId, String> accountLabel) {
        this.book = book;
        this.layout = layout;
        this.scheduler = scheduler;
        this.accountLabel = accountLabel;
        options.addListener((observable, old, now) -> {
            currentOptions = now;
            relayoutNow();
        });
    }

    public ObservableList<RosterRow> rows() {
        return rows;
    }

    public ObjectProperty<ViewOptions> options() {
        return options;
    }

    /** The list's selection, kept on the same contacts when the rows are replaced. */
    void bindSelection(MultipleSelectionModel<RosterRow> model) {
        this.selection = model;
    }

    /** Any thread: the book changed. */
    public void bookChanged() {
        if (scheduled.compareAndSet(false, true)) {
            // Inside a burst (another change soon after the last layout), lay out less often: each
            // layout of thousands of contacts takes CPU the network threads need to finish the burst.
            boolean burst = System.nanoTime() - lastBackgroundLayout < TimeUnit.MILLISECONDS.toNanos(BURST_WINDOW_MS);
            scheduler.schedule(this::layoutInBackground, burst ? BURST_COALESCE_MS : COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** FX thread: lays out at once. */
    public void relayoutNow() {
        apply(laidOut(currentOptions));
    }

    /** The version is read before the snapshot, so a version never names contacts older than it. */
    private List<RosterRow> laidOut(ViewOptions options) {
        long version = book.version();
        return layout.layout(version, book.snapshot(), options, accountLabel);
    }

    private void layoutInBackground() {
        scheduled.set(false);
        lastBackgroundLayout = System.nanoTime();
        ViewOptions used = currentOptions;
        List<RosterRow> laidOut = laidOut(used);
        Platform.runLater(() -> {
            // Options changed meanwhile: relayoutNow already ran with the new ones.
            if (used == currentOptions) {
                apply(laidOut);
            }
        });
    }

    private void apply(List<RosterRow> next) {
        Set<String> selected = selectedKeys();
        rows.setAll(next);
        if (!selected.isEmpty()) {
            reselect(selected);
        }
    }

    private Set<String> selectedKeys() {
        if (selection == null || selection.getSelectedItems().isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        for (RosterRow row : selection.getSelectedItems()) {
            if (row != null) {
                keys.add(identity(row));
            }
        }
        return keys;
    }

    private void reselect(Set<String> keys) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keys.contains(identity(rows.get(i)))) {
                indices.add(i);
            }
        }
        selection.clearSelection();
        for (int index : indices) {
            selection.select(index);
        }
    }

    /** The same contact under the same group is the same row, whatever its presence now. */
    static String identity(RosterRow row) {
        return switch (row) {
            case GroupRow group -> "g" + group.key();
            case ContactRow contact -> "c" + contact.groupKey() + '\u0000' + contact.contact().jid();
        };
    }
}
