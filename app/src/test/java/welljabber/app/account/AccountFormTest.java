package welljabber.app.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.app.i18n.Messages;

class AccountFormTest {
    private static final OwnPresence AWAY = new OwnPresence(PresenceKind.AWAY, "lunch");

    private static AccountForm form(String jid, String host, String port, String resource, String priority) {
        return new AccountForm(Optional.empty(), jid, host, port, resource, priority, TlsMode.DIRECT, false, true, AWAY);
    }

    private static AccountForm withJid(String jid) {
        return form(jid, "", "", "", "0");
    }

    private static Account valid(AccountForm form) {
        AccountForm.Result result = form.validate();
        return assertInstanceOf(AccountForm.Result.Valid.class, result, () -> "expected valid, got " + result).account();
    }

    private static void assertInvalid(AccountForm form, String field, String key) {
        AccountForm.Result result = form.validate();
        AccountForm.Result.Invalid invalid = assertInstanceOf(AccountForm.Result.Invalid.class, result,
                () -> "expected invalid, got " + result);
        assertEquals(field, invalid.field());
        assertEquals(key, invalid.messageKey());
        assertKeyInBothBundles(key);
    }

    private static Properties bundle(String name) {
        // The bundles live in the package of Messages, inside this module.
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("Bundle " + name + " not found");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertKeyInBothBundles(String key) {
        for (String name : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            String text = bundle(name).getProperty(key);
            assertTrue(text != null && !text.isBlank(), () -> "Key " + key + " missing from " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void emptyJidIsMissing(String jid) {
        assertInvalid(withJid(jid), "jid", "account.error.jidMissing");
    }

    @Test
    void jidWithoutAtIsInvalid() {
        assertInvalid(withJid("example.org"), "jid", "account.error.jidInvalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b/c", "alice@example.org/phone", "alice@example.org/"})
    void jidWithResourceIsRefusedWithItsOwnKey(String jid) {
        assertInvalid(withJid(jid), "jid", "account.error.jidResource");
    }

    @ParameterizedTest
    @ValueSource(strings = {"al ice@example.org", "al<ice@example.org", "ali\"ce@example.org", "alice@", "@example.org",
        "a@b@c", "alice@exa mple.org", "alice@exa_mple.org", "alice@example.org!"})
    void invalidJidCharactersAreRefused(String jid) {
        assertInvalid(withJid(jid), "jid", "account.error.jidInvalid");
    }

    @Test
    void validJidIsStrippedAndNormalised() {
        Account account = valid(withJid("  Alice@Example.ORG  "));
        assertEquals("alice@example.org", account.jid().toString());
    }

    @Test
    void internationalisedAndIpLiteralDomainsAreAccepted() {
        assertEquals("jiři@čechy.example", valid(withJid("jiři@čechy.example")).jid().toString());
        assertEquals("bob@192.0.2.1", valid(withJid("bob@192.0.2.1")).jid().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"exa mple.org", "example.org/path", "host_name", "ex@mple.org", "example.org;rm"})
    void hostWithBadCharactersIsRefused(String host) {
        assertInvalid(form("alice@example.org", host, "", "", "0"), "host", "account.error.hostInvalid");
    }

    @Test
    void hostIsOptionalAndStripped() {
        assertEquals(Optional.empty(), valid(form("alice@example.org", "   ", "", "", "0")).host());
        assertEquals(Optional.of("xmpp.example.org"), valid(form("alice@example.org", " xmpp.example.org ", "", "", "0")).host());
        assertEquals(Optional.of("[::1]"), valid(form("alice@example.org", "[::1]", "", "", "0")).host());
        assertEquals(Optional.of("192.0.2.7"), valid(form("alice@example.org", "192.0.2.7", "", "", "0")).host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "abc", "-1", "5222.0", "99999999999"})
    void badPortIsRefused(String port) {
        assertInvalid(form("alice@example.org", "", port, "", "0"), "port", "account.error.portInvalid");
    }

    @Test
    void portBoundsAndBlank() {
        assertEquals(Optional.of(1), valid(form("alice@example.org", "", "1", "", "0")).port());
        assertEquals(Optional.of(65535), valid(form("alice@example.org", "", " 65535 ", "", "0")).port());
        assertEquals(Optional.empty(), valid(form("alice@example.org", "", "", "", "0")).port());
        assertEquals(Optional.empty(), valid(form("alice@example.org", "", "   ", "", "0")).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-129", "128", "x", "1.5", "99999999999"})
    void badPriorityIsRefused(String priority) {
        assertInvalid(form("alice@example.org", "", "", "", priority), "priority", "account.error.priorityInvalid");
    }

    @Test
    void priorityBoundsAndBlank() {
        assertEquals(-128, valid(form("alice@example.org", "", "", "", "-128")).priority());
        assertEquals(127, valid(form("alice@example.org", "", "", "", " 127 ")).priority());
        assertEquals(0, valid(form("alice@example.org", "", "", "", "")).priority());
    }

    @Test
    void blankResourceBecomesTheDefault() {
        assertEquals("WellJabber", valid(form("alice@example.org", "", "", "", "0")).resource());
        assertEquals("WellJabber", valid(form("alice@example.org", "", "", "  ", "0")).resource());
        assertEquals("laptop", valid(form("alice@example.org", "", "", " laptop ", "0")).resource());
    }

    @Test
    void theOtherFieldsAreCarriedOver() {
        Account account = valid(form("alice@example.org", "", "", "", "5"));
        assertEquals(TlsMode.DIRECT, account.tlsMode());
        assertFalse(account.connectAtStart());
        assertTrue(account.rememberPassword());
        assertEquals(AWAY, account.presence());
        assertEquals(5, account.priority());
    }

    @Test
    void existingIdIsKept() {
        AccountId id = new AccountId("kept-id");
        AccountForm form = new AccountForm(Optional.of(id), "alice@example.org", "", "", "", "0", TlsMode.REQUIRED, true,
                false, AWAY);
        assertEquals(id, valid(form).id());
    }

    @Test
    void newAccountGetsAFreshRandomId() {
        Account first = valid(withJid("alice@example.org"));
        Account second = valid(withJid("alice@example.org"));
        assertNotEquals(first.id(), second.id());
        // The generated id is a UUID: parsing throws if it is not.
        assertEquals(first.id().value(), UUID.fromString(first.id().value()).toString());
    }

    @Test
    void fromAccountRoundTrips() {
        AccountForm original = new AccountForm(Optional.of(new AccountId("x1")), "bob@example.net", "xmpp.example.net",
                "5223", "desk", "-3", TlsMode.IF_POSSIBLE, true, false, AWAY);
        Account account = valid(original);
        assertEquals(original, AccountForm.from(account));
        assertEquals(account, valid(AccountForm.from(account)));
    }

    @Test
    void emptyFormIsInvalidUntilAJidIsTyped() {
        assertInvalid(AccountForm.empty(), "jid", "account.error.jidMissing");
        AccountForm empty = AccountForm.empty();
        AccountForm typed = new AccountForm(empty.existing(), "carol@example.com", empty.host(), empty.port(),
                empty.resource(), empty.priority(), empty.tlsMode(), empty.connectAtStart(), empty.rememberPassword(),
                empty.presence());
        Account account = valid(typed);
        assertEquals(TlsMode.REQUIRED, account.tlsMode());
        assertEquals(AccountForm.DEFAULT_RESOURCE, account.resource());
    }
}
