package welljabber.app.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.api.storage.StorageException;
import welljabber.app.account.Account;
import welljabber.app.account.AccountRepository;
import welljabber.app.account.TlsMode;
import welljabber.app.storage.Database;

class PinnedCertificatesTest {
    static final String FINGERPRINT_A = "AA:" + "00:".repeat(30) + "01";
    static final String FINGERPRINT_B = "BB:" + "00:".repeat(30) + "02";
    static final AccountId ALICE = new AccountId("alice-id");
    static final AccountId BOB = new AccountId("bob-id");

    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(folder.resolve("welljabber"));
        saveAccounts(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Pins belong to stored accounts (foreign key), so the tests store two. */
    static void saveAccounts(Database database) throws Exception {
        AccountRepository accounts = new AccountRepository(database);
        accounts.save(new Account(ALICE, JidCreate.entityBareFrom("alice@example.org"), "r", 0, Optional.empty(),
                Optional.empty(), TlsMode.REQUIRED, false, false, new OwnPresence(PresenceKind.AVAILABLE, "")));
        accounts.save(new Account(BOB, JidCreate.entityBareFrom("bob@example.org"), "r", 0, Optional.empty(),
                Optional.empty(), TlsMode.REQUIRED, false, false, new OwnPresence(PresenceKind.AVAILABLE, "")));
    }

    @Test
    void nothingIsTrustedAtFirst() {
        PinnedCertificates pins = new PinnedCertificates(database);
        assertFalse(pins.isPinned(ALICE, FINGERPRINT_A));
        assertFalse(pins.isTrusted(ALICE, FINGERPRINT_A));
    }

    @Test
    void pinIsPerAccountAndPerFingerprint() {
        PinnedCertificates pins = new PinnedCertificates(database);
        pins.pin(ALICE, FINGERPRINT_A, "CN=localhost");
        assertTrue(pins.isPinned(ALICE, FINGERPRINT_A));
        assertTrue(pins.isTrusted(ALICE, FINGERPRINT_A));
        assertFalse(pins.isPinned(ALICE, FINGERPRINT_B));
        assertFalse(pins.isPinned(BOB, FINGERPRINT_A));
        assertFalse(pins.isTrusted(BOB, FINGERPRINT_A));
        // Pinning again is harmless.
        pins.pin(ALICE, FINGERPRINT_A, "CN=localhost, renewed");
        assertTrue(pins.isPinned(ALICE, FINGERPRINT_A));
    }

    @Test
    void sessionTrustIsTrustedButNotPinned() {
        PinnedCertificates pins = new PinnedCertificates(database);
        pins.trustForSession(ALICE, FINGERPRINT_B);
        assertTrue(pins.isTrusted(ALICE, FINGERPRINT_B));
        assertFalse(pins.isPinned(ALICE, FINGERPRINT_B));
        assertFalse(pins.isTrusted(BOB, FINGERPRINT_B));
        assertFalse(pins.isTrusted(ALICE, FINGERPRINT_A));
    }

    @Test
    void pinsSurviveReopeningAndSessionTrustDoesNot() throws Exception {
        PinnedCertificates pins = new PinnedCertificates(database);
        pins.pin(ALICE, FINGERPRINT_A, "CN=pinned");
        pins.trustForSession(ALICE, FINGERPRINT_B);
        database.close();
        database = Database.open(folder.resolve("welljabber"));
        PinnedCertificates reopened = new PinnedCertificates(database);
        assertTrue(reopened.isPinned(ALICE, FINGERPRINT_A));
        assertTrue(reopened.isTrusted(ALICE, FINGERPRINT_A));
        assertFalse(reopened.isTrusted(ALICE, FINGERPRINT_B));
    }

    @Test
    void longSubjectsAreCut() {
        PinnedCertificates pins = new PinnedCertificates(database);
        pins.pin(ALICE, FINGERPRINT_A, "CN=" + "x".repeat(5000));
        assertTrue(pins.isPinned(ALICE, FINGERPRINT_A));
    }

    @Test
    void deletingTheAccountDropsItsPins() {
        PinnedCertificates pins = new PinnedCertificates(database);
        pins.pin(ALICE, FINGERPRINT_A, "CN=a");
        new AccountRepository(database).delete(ALICE);
        assertFalse(pins.isPinned(ALICE, FINGERPRINT_A));
    }

    @Test
    void pinsNeedAStoredAccount() {
        PinnedCertificates pins = new PinnedCertificates(database);
        assertThrows(StorageException.class, () -> pins.pin(new AccountId("unknown"), FINGERPRINT_A, "CN=a"));
    }
}
