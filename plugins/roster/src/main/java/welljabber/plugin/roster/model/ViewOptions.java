package welljabber.plugin.roster.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the user chose about the list: the filter text, the order, whether offline contacts show,
 * and which groups are collapsed (by {@link GroupRow#key()}).
 */
public record ViewOptions(String filter, SortOrder sort, boolean showOffline, Set<String> collapsed) {
    public static final ViewOptions DEFAULT = new ViewOptions("", SortOrder.BY_PRESENCE, true, Set.of());

    public ViewOptions {
        filter = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(sort, "sort");
        collapsed = Set.copyOf(collapsed);
    }

    public ViewOptions withFilter(String text) {
        return new ViewOptions(text, sort, showOffline, collapsed);
    }

    public ViewOptions withSort(SortOrder order) {
        return new ViewOptions(filter, order, showOffline, collapsed);
    }

    public ViewOptions withShowOffline(boolean show) {
        return new ViewOptions(filter, sort, show, collapsed);
    }

    public ViewOptions toggled(String groupKey) {
        var next = new java.util.HashSet<>(collapsed);
        if (!next.remove(groupKey)) {
            next.add(groupKey);
        }
        return new ViewOptions(filter, sort, showOffline, next);
    }
}
