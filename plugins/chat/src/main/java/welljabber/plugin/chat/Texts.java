package welljabber.plugin.chat;

import java.util.Locale;
import java.util.ResourceBundle;

import welljabber.api.i18n.PluginTexts;

/**
 * The plugin's sentences, from {@code welljabber/plugin/chat/messages.properties} (English)
 * and {@code messages_zh_CN.properties} (Simplified Chinese); the lookup rules are the api's.
 */
public final class Texts {
    static final String BUNDLE = "welljabber.plugin.chat.messages";

    private final PluginTexts texts;

    private Texts(PluginTexts texts) {
        this.texts = texts;
    }

    /** The texts for the interface language the user chose. */
    public static Texts forLocale(Locale locale) {
        return new Texts(PluginTexts.load(locale, bundleLocale -> ResourceBundle.getBundle(BUNDLE, bundleLocale)));
    }

    static Locale bundleLocale(Locale locale) {
        return PluginTexts.bundleLocale(locale);
    }

    public Locale locale() {
        return texts.locale();
    }

    public String get(String key) {
        return texts.get(key);
    }

    public String format(String key, Object... arguments) {
        return texts.format(key, arguments);
    }
}
