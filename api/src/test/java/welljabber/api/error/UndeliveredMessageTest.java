package welljabber.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.api.error.TestSupport.EN;
import static welljabber.api.error.TestSupport.ZH;
import static welljabber.api.error.TestSupport.hasHan;

import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sentences for a message of ours that came back: what the condition means for that message. */
class UndeliveredMessageTest {
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("message\\.[a-z_]+");

    @Test
    void serviceUnavailableSaysTheContactIsOfflineWithoutOfflineStorageOrDoesNotExist() {
        String sentence = ErrorSentences.forUndeliveredMessage(StanzaError.getBuilder(Condition.service_unavailable).build(), EN);
        assertTrue(sentence.startsWith("The contact is offline and their server keeps no offline messages"), sentence);
        assertNotEquals(ErrorSentences.forCondition(Condition.service_unavailable, EN), sentence);
        assertTrue(hasHan(ErrorSentences.forUndeliveredMessage(StanzaError.getBuilder(Condition.service_unavailable).build(), ZH)));
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void everyConditionGivesAPlainSentenceInBothLanguages(Condition condition) {
        StanzaError error = StanzaError.getBuilder(condition).build();
        String en = ErrorSentences.forUndeliveredMessage(error, EN);
        String zh = ErrorSentences.forUndeliveredMessage(error, ZH);
        assertFalse(en.isBlank());
        assertFalse(hasHan(en), en);
        assertTrue(hasHan(zh), zh);
        assertFalse(KEY.matcher(en).find() || KEY.matcher(zh).find(), "a bundle key leaked: " + en + " / " + zh);
    }

    @Test
    void aConditionWithoutAMessageSentenceFallsBackToTheGeneralOne() {
        StanzaError error = StanzaError.getBuilder(Condition.bad_request).build();
        assertEquals(ErrorSentences.forStanzaError(error, EN), ErrorSentences.forUndeliveredMessage(error, EN));
    }

    @Test
    void noErrorAtAllStillSaysTheMessageWasNotDelivered() {
        assertEquals("The message could not be delivered.", ErrorSentences.forUndeliveredMessage(null, EN));
    }

    @Test
    void theServersOwnTextFollowsCleaned() {
        StanzaError error = StanzaError.getBuilder(Condition.forbidden)
                .setDescriptiveEnText("Blocked\u202Eby policy").build();
        String sentence = ErrorSentences.forUndeliveredMessage(error, EN);
        assertTrue(sentence.startsWith("The contact or their server does not accept messages from you."), sentence);
        assertTrue(sentence.contains("Blocked"), sentence);
        assertFalse(sentence.contains("\u202E"), "a direction override from the network was kept: " + sentence);
    }

    @Test
    void everyMessageKeyNamesARealCondition() {
        Set<String> conditions = Arrays.stream(Condition.values()).map(Enum::name).collect(Collectors.toSet());
        ResourceBundle bundle = ErrorSentences.bundle(EN);
        bundle.keySet().stream().filter(key -> key.startsWith("message.") && !key.equals("message.undelivered"))
                .forEach(key -> assertTrue(conditions.contains(key.substring("message.".length())), key + " names no condition"));
    }
}
