package welljabber.plugin.chat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's sentences, from {@code welljabber/plugin/chat/messages.properties} (English)
 * and {@code messages_zh_CN.properties} (Simplified Chinese).
 */
public final class Texts {
    static final String BUNDLE = "welljabber.plugin.chat.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The texts for the interface language the user chose. */
    public static Texts forLocale(Locale locale) {
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

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }
}
