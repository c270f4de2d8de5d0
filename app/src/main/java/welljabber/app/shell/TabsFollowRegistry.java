package welljabber.app.shell;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Tab;

/**
 * Keeps a TabPane's tabs following the registry's list of open tabs.
 *
 * <p>Not {@code Bindings.bindContent}: that replays the registry's changes by index, but a TabPane
 * removes a tab from its own list when the user closes it (its close button, or View → Close tab),
 * before the registry hears of it. Replayed by index, the registry's removal then took out the
 * neighbour of the closed tab, or failed with an IndexOutOfBoundsException. Here changes are applied
 * by identity: removing a tab that is already gone does nothing.
 */
final class TabsFollowRegistry implements ListChangeListener<Tab> {
    private final ObservableList<Tab> shown;

    private TabsFollowRegistry(ObservableList<Tab> shown) {
        this.shown = shown;
    }

    static void follow(ObservableList<Tab> registry, ObservableList<Tab> shown) {
        shown.setAll(registry);
        registry.addListener(new TabsFollowRegistry(shown));
    }

    @Override
    public void onChanged(Change<? extends Tab> change) {
        while (change.next()) {
            for (Tab removed : change.getRemoved()) {
                shown.remove(removed);
            }
            int at = change.getFrom();
            for (Tab added : change.getAddedSubList()) {
                if (!shown.contains(added)) {
                    shown.add(Math.min(at, shown.size()), added);
                }
                at++;
            }
        }
    }
}
