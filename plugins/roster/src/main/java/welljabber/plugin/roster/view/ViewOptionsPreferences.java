package welljabber.plugin.roster.view;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import welljabber.api.prefs.PluginPreferences;
import welljabber.plugin.roster.model.SortOrder;
import welljabber.plugin.roster.model.ViewOptions;

/**
 * Remembers how the user likes the list (order, offline contacts, collapsed groups) between runs.
 * The filter text is not kept: a list that opens filtered looks empty.
 */
public final class ViewOptionsPreferences {
    static final String SORT = "sort";
    static final String SHOW_OFFLINE = "showOffline";
    static final String COLLAPSED = "collapsedGroups";
    /** Group keys hold a newline between account and group; the unit separator never appears in either. */
    private static final String SEPARATOR = "\u001F";

    private final PluginPreferences preferences;

    public ViewOptionsPreferences(PluginPreferences preferences) {
        this.preferences = preferences;
    }

    public ViewOptions load() {
        SortOrder sort;
        try {
            sort = SortOrder.valueOf(preferences.get(SORT, SortOrder.BY_PRESENCE.name()));
        } catch (IllegalArgumentException unknown) {
            sort = SortOrder.BY_PRESENCE;
        }
        String collapsed = preferences.get(COLLAPSED, "");
        Set<String> groups = collapsed.isEmpty() ? Set.of()
                : Arrays.stream(collapsed.split(SEPARATOR)).filter(key -> !key.isEmpty()).collect(Collectors.toSet());
        return new ViewOptions("", sort, preferences.getBoolean(SHOW_OFFLINE, true), groups);
    }

    public void save(ViewOptions options) {
        preferences.put(SORT, options.sort().name());
        preferences.put(SHOW_OFFLINE, Boolean.toString(options.showOffline()));
        preferences.put(COLLAPSED, String.join(SEPARATOR, options.collapsed()));
    }
}
