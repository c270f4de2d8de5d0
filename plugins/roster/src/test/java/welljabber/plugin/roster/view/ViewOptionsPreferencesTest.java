package welljabber.plugin.roster.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.api.prefs.PluginPreferences;
import welljabber.plugin.roster.model.RosterLayout;
import welljabber.plugin.roster.model.SortOrder;
import welljabber.plugin.roster.model.ViewOptions;

class ViewOptionsPreferencesTest {

    /** Preferences in a map: the shell's file-backed ones store the same strings. */
    private static final class MapPreferences implements PluginPreferences {
        final Map<String, String> values = new HashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }

        @Override
        public void remove(String key) {
            values.remove(key);
        }
    }

    @Test
    void orderOfflineAndCollapsedGroupsComeBackButNotTheFilter() {
        MapPreferences stored = new MapPreferences();
        ViewOptionsPreferences preferences = new ViewOptionsPreferences(stored);
        assertEquals(ViewOptions.DEFAULT, preferences.load(), "first run");

        String group = RosterLayout.groupKey(new AccountId("a1"), "Old friends, far away");
        ViewOptions chosen = ViewOptions.DEFAULT.withSort(SortOrder.BY_NAME).withShowOffline(false).toggled(group)
                .toggled(RosterLayout.groupKey(new AccountId("a1"), "")).withFilter("bob");
        preferences.save(chosen);

        ViewOptions loaded = new ViewOptionsPreferences(stored).load();
        assertEquals(chosen.withFilter(""), loaded);
    }

    @Test
    void anUnknownOrderFallsBackToPresence() {
        MapPreferences stored = new MapPreferences();
        stored.put(ViewOptionsPreferences.SORT, "BY_MOOD");
        assertEquals(ViewOptions.DEFAULT, new ViewOptionsPreferences(stored).load());
    }
}
