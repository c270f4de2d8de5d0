package welljabber.api.prefs;

import java.util.Optional;

/**
 * A plugin's small settings (strings), kept in the user's config folder and saved on every change.
 * Not for secrets: it is a plain file.
 */
public interface PluginPreferences {

    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    default boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    default int getInt(String key, int fallback) {
        try {
            return get(key).map(String::trim).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException corrupt) {
            return fallback;
        }
    }
}
