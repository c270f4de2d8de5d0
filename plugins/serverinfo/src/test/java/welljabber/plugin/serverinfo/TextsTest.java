package welljabber.plugin.serverinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TextsTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Every key the code asks for. */
    private static List<String> keysInUse() {
        List<String> keys = new ArrayList<>(List.of("pane.title", "menu.serverInfo", "pane.offline", "pane.refresh",
                "pane.refresh.tooltip", "pane.account.tooltip", "pane.loading", "fact.software", "fact.os", "fact.jid",
                "fact.security", "fact.sm", "value.tls.yes", "value.tls.no", "value.sm.active", "value.sm.inactive",
                "value.notReported", "features.title", "features.none", "status.tooltip", "feature.pep",
                "feature.pubsub", "feature.other"));
        for (KnownFeature feature : KnownFeature.values()) {
            keys.add(feature.key());
        }
        for (FeatureCatalog.ServiceKind kind : FeatureCatalog.ServiceKind.values()) {
            keys.add(kind.key());
        }
        return keys;
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeysAndEveryKeyInUse() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        for (String key : keysInUse()) {
            assertTrue(english.containsKey(key), "English lacks " + key);
            assertFalse(english.getProperty(key).isBlank(), key);
            assertFalse(chinese.getProperty(key).isBlank(), key);
        }
        assertEquals(Set.copyOf(keysInUse()), english.stringPropertyNames(), "unused or missing keys");
    }

    @Test
    void theChineseTextsAreTranslatedNotCopied() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        for (String key : english.stringPropertyNames()) {
            if (!key.equals("feature.ping")) {
                assertNotEquals(english.getProperty(key), chinese.getProperty(key), key);
            }
        }
    }

    @Test
    void chineseGetsSimplifiedChineseAndEverythingElseTheEnglishBase() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Texts.bundleLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Texts.bundleLocale(Locale.CHINESE));
        assertEquals(Locale.ROOT, Texts.bundleLocale(Locale.ENGLISH));
        assertEquals(Locale.ROOT, Texts.bundleLocale(Locale.GERMANY));
        assertEquals(Locale.ROOT, Texts.bundleLocale(null));
    }

    @Test
    void englishStaysEnglishOnAChineseJvm() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Server", Texts.forLocale(Locale.ENGLISH).get("pane.title"));
            assertEquals("服务器", Texts.forLocale(Locale.SIMPLIFIED_CHINESE).get("pane.title"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void rowsAreFormattedWithTheirAddress() {
        Texts english = Texts.forLocale(Locale.ENGLISH);
        assertEquals("Group chat service: conference.localhost",
                english.line(new FeatureLine(FeatureLine.Kind.SERVICE, "service.muc", "conference.localhost")));
        assertEquals("Message archive (MAM)", english.line(FeatureLine.feature("feature.mam")));
        assertEquals("群聊服务:conference.localhost", Texts.forLocale(Locale.SIMPLIFIED_CHINESE)
                .line(new FeatureLine(FeatureLine.Kind.SERVICE, "service.muc", "conference.localhost")));
        // An apostrophe or brace in a namespace must come out as it is, not be read as MessageFormat syntax.
        assertEquals("Other: urn:x:{0}'s", english.line(new FeatureLine(FeatureLine.Kind.OTHER, "feature.other",
                "urn:x:{0}'s")));
    }
}
