package welljabber.plugin.serverinfo;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's sentences, from {@code welljabber/plugin/serverinfo/messages.properties} (English)
 * and {@code messages_zh_CN.properties} (Simplified Chinese).
 */
final class Texts {
    static final String BUNDLE = "welljabber.plugin.serverinfo.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The texts for the interface language the user chose. */
    static Texts forLocale(Locale locale) {
        Locale bundleLocale = bundleLocale(locale);
        return new Texts(ResourceBundle.getBundle(BUNDLE, bundleLocale, Texts.class.getModule()), bundleLocale);
    }

    /**
     * Chinese gets the Simplified Chinese bundle; everything else English, asked for as
     * {@link Locale#ROOT} so that ResourceBundle never falls back to the JVM's default locale.
     */
    static Locale bundleLocale(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
    }

    Locale locale() {
        return locale;
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** The text of one row of the feature list. */
    String line(FeatureLine line) {
        return line.argument().isEmpty() ? get(line.key()) : format(line.key(), line.argument());
    }
}
