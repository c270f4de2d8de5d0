package welljabber.api.error;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.api.error.TestSupport.EN;
import static welljabber.api.error.TestSupport.ZH;
import static welljabber.api.error.TestSupport.hasHan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionAndLegacyCodeTest {

    @ParameterizedTest
    @EnumSource(Condition.class)
    void everyStanzaConditionHasItsOwnSentenceInEnglishAndChinese(Condition condition) {
        String en = ErrorSentences.forCondition(condition, EN);
        String zh = ErrorSentences.forCondition(condition, ZH);
        assertAll(
                () -> assertFalse(en.isBlank(), "English is blank"),
                () -> assertFalse(zh.isBlank(), "Chinese is blank"),
                () -> assertNotEquals(condition.name(), en),
                () -> assertNotEquals(condition.toString(), en),
                () -> assertFalse(en.contains("condition."), "a bundle key leaked: " + en),
                () -> assertFalse(zh.contains("condition."), "a bundle key leaked: " + zh),
                () -> assertNotEquals(en, zh),
                () -> assertTrue(hasHan(zh), "not Chinese: " + zh),
                () -> assertFalse(hasHan(en), "not English: " + en),
                () -> assertNotEquals(ErrorSentences.forThrowable(null, EN), en, "fell back to the generic sentence"));
    }

    @Test
    void noTwoConditionsShareASentence() {
        for (Locale locale : List.of(EN, ZH)) {
            Set<String> sentences = Arrays.stream(Condition.values())
                    .map(c -> ErrorSentences.forCondition(c, locale))
                    .collect(Collectors.toSet());
            assertEquals(Condition.values().length, sentences.size(), "duplicate sentences in " + locale);
        }
    }

    @Test
    void nullConditionGivesTheGenericSentence() {
        assertEquals(ErrorSentences.forThrowable(null, EN), ErrorSentences.forCondition(null, EN));
    }

    /** XEP-0086: each legacy code reads exactly like the condition it maps to. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "302, redirect",
        "400, bad_request",
        "401, not_authorized",
        "403, forbidden",
        "404, item_not_found",
        "405, not_allowed",
        "406, not_acceptable",
        "407, registration_required",
        "408, remote_server_timeout",
        "409, conflict",
        "500, internal_server_error",
        "501, feature_not_implemented",
        "502, service_unavailable",
        "503, service_unavailable",
        "504, remote_server_timeout",
        "510, service_unavailable",
    })
    void legacyCodeReadsLikeItsXep0086Condition(int code, Condition condition) {
        assertEquals(condition, ErrorSentences.conditionForLegacyCode(code));
        assertEquals(ErrorSentences.forCondition(condition, EN), ErrorSentences.forLegacyCode(code, EN));
        assertEquals(ErrorSentences.forCondition(condition, ZH), ErrorSentences.forLegacyCode(code, ZH));
    }

    /** The wording itself, so a wrong mapping or a wrong translation is caught. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "400 | could not understand the request | 无法理解",
        "401 | password                          | 密码",
        "402 | payment                           | 付费",
        "403 | not allowed to do this            | 无权",
        "404 | could not be found                | 找不到",
        "405 | not allowed here                  | 不允许",
        "406 | did not accept the request        | 不接受",
        "407 | register                          | 注册",
        "408 | did not answer in time            | 未能及时响应",
        "409 | already in use                    | 已被占用",
        "500 | internal problem                  | 内部出错",
        "501 | does not support this feature     | 不支持此功能",
        "503 | not available right now           | 不可用",
        "504 | did not answer in time            | 未能及时响应",
    })
    void legacyCodeMeansWhatTheCodeMeans(int code, String english, String chinese) {
        String en = ErrorSentences.forLegacyCode(code, EN);
        String zh = ErrorSentences.forLegacyCode(code, ZH);
        assertTrue(en.contains(english), en);
        assertTrue(zh.contains(chinese), zh);
        assertFalse(en.contains(Integer.toString(code)), "a known code should not read like an unknown one: " + en);
    }

    @Test
    void paymentRequiredHasNoSmackConditionButItsOwnSentence() {
        assertNull(ErrorSentences.conditionForLegacyCode(402));
        String en = ErrorSentences.forLegacyCode(402, EN);
        assertNotEquals(ErrorSentences.forCondition(Condition.undefined_condition, EN), en);
        assertNotEquals(ErrorSentences.forLegacyCode(499, EN), en);
        assertNotEquals(en, ErrorSentences.forLegacyCode(402, ZH));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 299, 418, 599, 12345})
    void unknownCodeNamesTheCodeAndPointsToTheAdministrator(int code) {
        String en = ErrorSentences.forLegacyCode(code, EN);
        String zh = ErrorSentences.forLegacyCode(code, ZH);
        assertNull(ErrorSentences.conditionForLegacyCode(code));
        assertTrue(en.contains(Integer.toString(code)), en);
        assertTrue(en.contains("administrator"), en);
        assertTrue(zh.contains(Integer.toString(code)), zh);
        assertTrue(zh.contains("管理员"), zh);
        assertFalse(en.contains("{0}") || zh.contains("{0}"), "placeholder left unformatted");
    }

    @Test
    void legacyNamesFromTheOldErrorList() {
        assertEquals(ErrorSentences.forLegacyCode(400, EN), ErrorSentences.forLegacyName("Bad Request", EN));
        assertEquals(ErrorSentences.forLegacyCode(401, EN), ErrorSentences.forLegacyName("Unauthorized", EN));
        assertEquals(ErrorSentences.forLegacyCode(402, ZH), ErrorSentences.forLegacyName("Payment Required", ZH));
        assertEquals(ErrorSentences.forLegacyCode(404, EN), ErrorSentences.forLegacyName("Not Found", EN));
        assertEquals(ErrorSentences.forLegacyCode(407, EN), ErrorSentences.forLegacyName("registration required", EN));
        assertEquals(ErrorSentences.forLegacyCode(500, EN), ErrorSentences.forLegacyName("Internal Server Error", EN));
        assertEquals(ErrorSentences.forLegacyCode(503, EN), ErrorSentences.forLegacyName("Service Unavailable", EN));
        assertEquals(ErrorSentences.forLegacyCode(504, EN), ErrorSentences.forLegacyName("Remote Server Timeout", EN));
        assertEquals(ErrorSentences.forCondition(Condition.item_not_found, EN),
                ErrorSentences.forLegacyName("item-not-found", EN));
        assertEquals(ErrorSentences.forThrowable(null, EN), ErrorSentences.forLegacyName("No Such Thing", EN));
        assertEquals(ErrorSentences.forThrowable(null, EN), ErrorSentences.forLegacyName(null, EN));
    }

    @Test
    void invalidParameterIsABadRequestAboutAValue() {
        String en = ErrorSentences.forLegacyName("Invalid Parameter", EN);
        String zh = ErrorSentences.forLegacyName("Invalid Parameter", ZH);
        assertTrue(en.contains("value") && en.contains("not valid"), en);
        assertTrue(zh.contains("无效"), zh);
        assertNotEquals(ErrorSentences.forCondition(Condition.bad_request, EN), en);
    }

    @Test
    void stanzaErrorWithoutTextIsJustTheCondition() {
        StanzaError error = StanzaError.getBuilder(Condition.item_not_found).build();
        assertEquals(ErrorSentences.forCondition(Condition.item_not_found, EN), ErrorSentences.forStanzaError(error, EN));
        assertEquals(ErrorSentences.forCondition(Condition.item_not_found, ZH), ErrorSentences.forStanzaError(error, ZH));
        assertEquals(ErrorSentences.forThrowable(null, ZH), ErrorSentences.forStanzaError(null, ZH));
    }

    @Test
    void stanzaErrorTextFromTheServerIsAppended() {
        StanzaError error = StanzaError.getBuilder(Condition.forbidden)
                .setDescriptiveEnText("  This room is for members only. ")
                .build();
        String en = ErrorSentences.forStanzaError(error, EN);
        assertTrue(en.startsWith(ErrorSentences.forCondition(Condition.forbidden, EN)), en);
        assertTrue(en.contains("\u201CThis room is for members only.\u201D"), en);
        String zh = ErrorSentences.forStanzaError(error, ZH);
        assertTrue(zh.startsWith(ErrorSentences.forCondition(Condition.forbidden, ZH)), zh);
        assertTrue(zh.contains("This room is for members only."), zh);
    }

    @Test
    void stanzaErrorTextInTheUsersLanguageIsPreferred() {
        StanzaError error = StanzaError.getBuilder(Condition.not_allowed)
                .setDescriptiveTexts(java.util.Map.of("en", "Not for you.", "zh", "不对你开放。"))
                .build();
        assertTrue(ErrorSentences.forStanzaError(error, ZH).contains("不对你开放。"));
        assertTrue(ErrorSentences.forStanzaError(error, EN).contains("Not for you."));
    }
}
