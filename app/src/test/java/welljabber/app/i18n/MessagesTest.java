package welljabber.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "keys without a Chinese translation");
        assertEquals(Set.of(), onlyChinese, "keys without English");
        assertTrue(english.size() > 100, "the bundle looks truncated: " + english.size());
    }

    @Test
    void everyChineseStringIsTranslatedUnlessItIsANameOrALanguage() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        Set<String> sameOnPurpose = Set.of("app.title", "settings.language.en", "settings.language.zh_CN", "plugins.column.api");
        for (String key : english.stringPropertyNames()) {
            if (!sameOnPurpose.contains(key)) {
                assertNotEquals(english.getProperty(key), chinese.getProperty(key), key + " is not translated");
                assertTrue(chinese.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        key + " has no Chinese characters: " + chinese.getProperty(key));
            }
        }
    }

    @Test
    void placeholdersMatchBetweenLanguages() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        for (String key : english.stringPropertyNames()) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(chinese.getProperty(key)), key);
        }
    }

    @Test
    void patternsWithArgumentsQuoteApostrophesForMessageFormat() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.matches("(?s).*\\{\\d+}.*")) {
                    assertTrue(text.replace("''", "").indexOf('\'') < 0,
                            key + " in " + file + " has a lone apostrophe, which MessageFormat would swallow: " + text);
                }
            }
        }
        assertEquals("The plugin's id \"X\" is not allowed: use lower-case letters, digits, \".\", \"-\" or \"_\", starting with a letter.",
                new Messages(Locale.ENGLISH).format("plugin.error.id", "X"));
    }

    @Test
    void localeChoiceGivesChineseOnlyForChineseAndEnglishEvenOnAChineseDesktop() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Quit", new Messages(Locale.ENGLISH).get("menu.file.quit"));
            assertEquals("退出", new Messages(Locale.CHINA).get("menu.file.quit"));
            assertEquals("退出", new Messages(Locale.forLanguageTag("zh-Hans-CN")).get("menu.file.quit"));
            assertEquals("Quit", new Messages(Locale.GERMAN).get("menu.file.quit"));
            assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.fromSetting("system"));
            assertEquals(Locale.ENGLISH, Messages.fromSetting("en"));
            assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.fromSetting("zh_CN"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formatFillsArgumentsAndAMissingKeyShowsTheKey() {
        Messages messages = new Messages(Locale.ENGLISH);
        assertEquals("Password for me@example.org", messages.format("password.header", "me@example.org"));
        assertEquals("no.such.key", messages.get("no.such.key"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        var matcher = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/welljabber/app/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
