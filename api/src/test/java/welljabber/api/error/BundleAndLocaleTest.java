package welljabber.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.api.error.TestSupport.EN;
import static welljabber.api.error.TestSupport.ZH;
import static welljabber.api.error.TestSupport.hasHan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleAndLocaleTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private static Properties load(String name) throws IOException {
        try (InputStream in = ErrorSentences.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the module's resources");
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * Surefire runs these tests inside the named module welljabber.api (the api has a
     * module-info), which is where the bundles must be found in the product too. If this fails,
     * the tests no longer run on the module path and the bundle lookup is not being verified there.
     */
    @Test
    void bundlesLoadInsideTheNamedApiModule() {
        Module module = ErrorSentences.class.getModule();
        assertTrue(module.isNamed(), "tests are not running on the module path");
        assertEquals("welljabber.api", module.getName());
        assertEquals(module, getClass().getModule(), "test classes are not patched into the api module");
        assertEquals(Locale.ROOT, ErrorSentences.bundle(Locale.ENGLISH).getLocale());
        assertEquals(Locale.SIMPLIFIED_CHINESE, ErrorSentences.bundle(Locale.forLanguageTag("zh-Hans-CN")).getLocale());
    }

    @Test
    void bothBundlesHaveExactlyTheSameKeys() throws IOException {
        Properties en = load("errors.properties");
        Properties zh = load("errors_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        assertTrue(en.size() > 50, "suspiciously few keys: " + en.size());
    }

    @Test
    void everyValueIsTranslatedAndKeepsItsPlaceholders() throws IOException {
        Properties en = load("errors.properties");
        Properties zh = load("errors_zh_CN.properties");
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key);
            String chinese = zh.getProperty(key);
            assertFalse(english.isBlank(), key);
            assertFalse(hasHan(english), key + " English has Chinese in it");
            assertTrue(hasHan(chinese), key + " is not Chinese (or the file was not read as UTF-8): " + chinese);
            assertFalse(english.equals(chinese), key + " is not translated");
            assertEquals(placeholders(english), placeholders(chinese), key + " placeholders differ");
            if (!placeholders(english).isEmpty()) {
                assertFalse(english.contains("'") || chinese.contains("'"),
                        key + " is a MessageFormat pattern; a plain apostrophe would be swallowed");
            }
        }
    }

    @Test
    void everyConditionHasABundleKey() throws IOException {
        Properties en = load("errors.properties");
        for (Condition condition : Condition.values()) {
            assertTrue(en.containsKey("condition." + condition.name()), condition.name());
        }
        for (var sasl : org.jivesoftware.smack.sasl.SASLError.values()) {
            assertTrue(en.containsKey("sasl." + sasl.name()), sasl.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "zh-CN", "zh-Hans-CN", "zh-Hans", "zh-SG"})
    void simplifiedChineseLocalesGetChinese(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String sentence = ErrorSentences.forCondition(Condition.item_not_found, locale);
        assertEquals(ErrorSentences.forCondition(Condition.item_not_found, ZH), sentence);
        assertTrue(hasHan(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "en-GB", "fr-FR", "de", "ja-JP", "zh-TW", "zh-Hant-TW", "zh-HK", "und"})
    void everyOtherLocaleGetsEnglish(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String sentence = ErrorSentences.forCondition(Condition.item_not_found, locale);
        assertEquals(ErrorSentences.forCondition(Condition.item_not_found, EN), sentence);
        assertFalse(hasHan(sentence), sentence);
    }

    @Test
    void aChineseDefaultLocaleDoesNotLeakIntoEnglish() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertFalse(hasHan(ErrorSentences.forCondition(Condition.conflict, Locale.ENGLISH)));
            assertFalse(hasHan(ErrorSentences.forCondition(Condition.conflict, Locale.FRENCH)));
            assertFalse(hasHan(ErrorSentences.forLegacyCode(599, Locale.US)));
            // and the locale-less forms follow the default
            assertTrue(hasHan(ErrorSentences.forCondition(Condition.conflict)));
            assertTrue(hasHan(ErrorSentences.forLegacyCode(404)));
            assertTrue(hasHan(ErrorSentences.forThrowable(new ConnectException())));
            assertTrue(hasHan(ErrorSentences.forStanzaError(StanzaError.getBuilder(Condition.gone).build())));
            assertTrue(hasHan(ErrorSentences.forCondition(Condition.conflict, null)));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void anEnglishDefaultLocaleGivesEnglishToTheLocaleLessForms() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertFalse(hasHan(ErrorSentences.forCondition(Condition.conflict)));
            assertTrue(hasHan(ErrorSentences.forCondition(Condition.conflict, Locale.CHINA)));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
