package welljabber.plugin.roster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jxmpp.jid.impl.JidCreate;

class AddressInputTest {
    private static final org.jxmpp.jid.BareJid ME = JidCreate.bareFromOrThrowUnchecked("me@example.org");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "friend@example.org|friend@example.org",
            "  Friend@Example.ORG  |friend@example.org",
            "xmpp:friend@example.org?roster|friend@example.org",
            "icq.example.org|icq.example.org",
            "alice@localhost|alice@localhost",
            "用户@例子.广告|用户@例子.广告"})
    void acceptsAddressesAndNormalisesThem(String typed, String expected) {
        AddressInput.Result result = AddressInput.parse(typed, ME);
        assertEquals(expected, result.address().orElseThrow().toString(), result.problemKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|add.error.empty",
            "'   '|add.error.empty",
            "friend @example.org|add.error.spaces",
            "friend@example.org/phone|add.error.resource",
            "@example.org|add.error.invalid",
            "friend@|add.error.invalid",
            "a@b@example.org|add.error.invalid",
            "friend|add.error.noDomain",
            "me@example.org|add.error.self",
            "bad\"quote@example.org|add.error.invalid"})
    void refusesWithTheReason(String typed, String problem) {
        AddressInput.Result result = AddressInput.parse(typed, ME);
        assertFalse(result.valid(), typed + " was accepted as " + result.address());
        assertEquals(problem, result.problemKey());
    }

    @Test
    void nothingTypedIsEmptyNotACrash() {
        assertEquals("add.error.empty", AddressInput.parse(null, null).problemKey());
    }
}
