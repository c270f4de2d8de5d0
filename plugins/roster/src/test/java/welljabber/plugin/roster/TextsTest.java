package welljabber.plugin.roster;

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
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import welljabber.api.presence.PresenceKind;
import welljabber.plugin.roster.model.Subscription;
import welljabber.plugin.roster.model.SubscriptionState;

/** Both languages say everything the plugin can say. */
class TextsTest {
    /** Texts that are the same in both languages on purpose: patterns of numbers and addresses. */
    private static final Set<String> SAME_IN_BOTH = Set.of("group.withAccount", "group.count", "add.address.prompt");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:[a-z]+[A-Za-z]*)(?:\\.[a-zA-Z_]+)+)\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RosterPlugin.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Every string in the code that looks like one of our keys, plus the keys the code builds. */
    private static Set<String> keysInUse(Set<String> known) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    String candidate = matcher.group(1);
                    String prefix = candidate.substring(0, candidate.indexOf('.'));
                    if (known.stream().anyMatch(key -> key.startsWith(prefix + "."))) {
                        keys.add(candidate);
                    }
                }
            }
        }
        for (PresenceKind kind : PresenceKind.values()) {
            keys.add("presence." + kind.name().toLowerCase(Locale.ROOT));
        }
        for (Subscription type : Subscription.values()) {
            for (boolean out : new boolean[] {false, true}) {
                for (boolean in : new boolean[] {false, true}) {
                    String key = new SubscriptionState(type, out, in, false).labelKey();
                    keys.add((key.isEmpty() ? "subscription.both" : key) + ".long");
                    if (!key.isEmpty()) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        Set<String> used = keysInUse(english.stringPropertyNames());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys the code uses but the bundles lack");
        Set<String> unused = new TreeSet<>(english.stringPropertyNames());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys nobody uses");
    }

    @Test
    void chineseIsTranslatedAndEveryPatternParses() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        for (String key : english.stringPropertyNames()) {
            assertFalse(chinese.getProperty(key).isBlank(), key);
            if (!SAME_IN_BOTH.contains(key)) {
                assertNotEquals(english.getProperty(key), chinese.getProperty(key), key);
            }
            // A plain apostrophe would make MessageFormat swallow the rest of the sentence.
            assertFalse(english.getProperty(key).contains("'"), key);
            new MessageFormat(english.getProperty(key));
            new MessageFormat(chinese.getProperty(key));
        }
    }

    @Test
    void theBundlesLoadThroughTheApiForBothLanguages() {
        assertEquals("Contacts", RosterPlugin.texts(Locale.ENGLISH).get("pane.title"));
        assertEquals("联系人", RosterPlugin.texts(Locale.SIMPLIFIED_CHINESE)
                .get("pane.title"));
        assertEquals("“x y” is not an address: addresses have no spaces. An address looks like friend@example.org.",
                RosterPlugin.texts(Locale.GERMANY).format("add.error.spaces", "x y"));
    }
}
