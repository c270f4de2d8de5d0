package welljabber.plugin.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class TextsTest {
    /** Keys whose text is the same in both languages on purpose: they only place a name. */
    private static final Set<String> SAME_IN_BOTH = Set.of("tab.title", "search.result");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Every key the sources ask for with get("…") or format("…", …). */
    private static Set<String> keysInSources() throws IOException {
        Pattern lookup = Pattern.compile("(?:get|format)\\(\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = lookup.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        keys.remove(ChatPlugin.NOTIFY_KEY); // a preference key, not a text
        return keys;
    }

    @Test
    void bothLanguagesHaveExactlyTheKeysTheCodeUses() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        Set<String> used = keysInSources();
        assertEquals(new TreeSet<>(used), new TreeSet<>(english.stringPropertyNames()), "unused or missing keys");
        for (String key : english.stringPropertyNames()) {
            assertFalse(english.getProperty(key).isBlank(), key);
            assertFalse(chinese.getProperty(key).isBlank(), key);
            if (!SAME_IN_BOTH.contains(key)) {
                assertNotEquals(english.getProperty(key), chinese.getProperty(key), key + " is not translated");
            }
        }
    }

    @Test
    void englishStaysEnglishOnAChineseJvmAndChineseIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Delivered", Texts.forLocale(Locale.ENGLISH).get("state.delivered"));
            assertEquals("已送达", Texts.forLocale(Locale.SIMPLIFIED_CHINESE).get("state.delivered"));
            assertEquals("Not delivered: It's gone.", Texts.forLocale(Locale.ENGLISH).format("state.failed", "It's gone."));
        } finally {
            Locale.setDefault(before);
        }
    }
}
