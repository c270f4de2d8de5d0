package welljabber.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.tinylog.Logger;

/**
 * The shell's user-visible strings, English and Simplified Chinese. The locale comes from the
 * settings override or the system; anything that is not Chinese gets English.
 */
public final class Messages {
    private static final String BUNDLE = "welljabber.app.i18n.messages";
    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = supported(locale);
        // English is the base bundle, asked for as ROOT: asking for "en" would let ResourceBundle fall
        // back to the JVM's default locale, and a Chinese desktop would then get Chinese anyway.
        Locale lookup = this.locale.equals(Locale.ENGLISH) ? Locale.ROOT : this.locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, lookup, Messages.class.getModule());
    }

    /** Chinese of any region or script reads the Simplified Chinese bundle; all else reads English. */
    public static Locale supported(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** Parses a settings value ("system", "en", "zh_CN") into a locale, the system's when unset. */
    public static Locale fromSetting(String value) {
        if (value == null || value.isBlank() || value.equals("system")) {
            return supported(Locale.getDefault());
        }
        return supported(Locale.forLanguageTag(value.replace('_', '-')));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            Logger.warn("Missing translation key {} for {}", key, locale);
            return key;
        }
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }
}
