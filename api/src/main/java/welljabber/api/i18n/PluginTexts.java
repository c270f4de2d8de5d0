package welljabber.api.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * A plugin's sentences from its own resource bundle: English in {@code messages.properties},
 * Simplified Chinese in {@code messages_zh_CN.properties}. Every plugin needs the same lookup
 * rules, so they live here once.
 */
public final class PluginTexts {
    private final ResourceBundle bundle;
    private final Locale locale;

    private PluginTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The plugin's texts in the language the user chose. {@code loader} must be a lambda in the
     * plugin's own code, such as {@code l -> ResourceBundle.getBundle("my.plugin.messages", l)}:
     * a named module's resources are private to it, so only its own code can open its bundle.
     */
    public static PluginTexts load(Locale userLocale, Function<Locale, ResourceBundle> loader) {
        Locale bundleLocale = bundleLocale(userLocale);
        return new PluginTexts(loader.apply(bundleLocale), bundleLocale);
    }

    /**
     * Chinese gets the Simplified Chinese bundle; everything else English, asked for as
     * {@link Locale#ROOT} so that ResourceBundle never falls back to the JVM's default locale.
     */
    public static Locale bundleLocale(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
    }

    public Locale locale() {
        return locale;
    }

    /** The sentence for {@code key}; the key itself when a translation is missing, so it shows up in review. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    /** The {@link MessageFormat} pattern {@code key} filled with {@code arguments}. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }
}
