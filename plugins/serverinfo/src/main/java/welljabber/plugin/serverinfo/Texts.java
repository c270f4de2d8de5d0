package welljabber.plugin.serverinfo;

import java.util.Locale;
import java.util.ResourceBundle;

import welljabber.api.i18n.PluginTexts;

/**
 * The plugin's sentences, from {@code welljabber/plugin/serverinfo/messages.properties} (English)
 * and {@code messages_zh_CN.properties} (Simplified Chinese); the lookup rules are the api's.
 */
final class Texts {
    static final String BUNDLE = "welljabber.plugin.serverinfo.messages";

    private final PluginTexts texts;

    private Texts(PluginTexts texts) {
        this.texts = texts;
    }

    /** The texts for the interface language the user chose. */
    static Texts forLocale(Locale locale) {
        return new Texts(PluginTexts.load(locale, bundleLocale -> ResourceBundle.getBundle(BUNDLE, bundleLocale)));
    }

    static Locale bundleLocale(Locale locale) {
        return PluginTexts.bundleLocale(locale);
    }

    Locale locale() {
        return texts.locale();
    }

    String get(String key) {
        return texts.get(key);
    }

    String format(String key, Object... arguments) {
        return texts.format(key, arguments);
    }

    /** The text of one row of the feature list. */
    String line(FeatureLine line) {
        return line.argument().isEmpty() ? get(line.key()) : format(line.key(), line.argument());
    }
}
