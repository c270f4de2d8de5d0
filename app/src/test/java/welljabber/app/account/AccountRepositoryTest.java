package welljabber.app.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.api.storage.StorageException;
import welljabber.app.storage.Database;

class AccountRepositoryTest {
    @TempDir
    Path folder;
    private Database database;
    private AccountRepository repository;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("welljabber"));
        repository = new AccountRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Account account(String id, String jid, Optional<String> host, Optional<Integer> port) {
        try {
            return new Account(new AccountId(id), JidCreate.entityBareFrom(jid), "laptop", 5, host, port, TlsMode.REQUIRED,
                    true, false, new OwnPresence(PresenceKind.AVAILABLE, ""));
        } catch (XmppStringprepException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void emptyAtFirst() {
        assertEquals(List.of(), repository.all());
        assertEquals(Optional.empty(), repository.find(new AccountId("nobody")));
    }

    @Test
    void saveAndFindWithoutHostAndPort() {
        Account alice = account("a1", "alice@example.org", Optional.empty(), Optional.empty());
        repository.save(alice);
        assertEquals(Optional.of(alice), repository.find(alice.id()));
    }

    @Test
    void saveAndFindWithHostAndPort() {
        Account bob = new Account(new AccountId("b1"), jid("bob@example.net"), "desk", -128, Optional.of("xmpp.example.net"),
                Optional.of(5223), TlsMode.DIRECT, false, true, new OwnPresence(PresenceKind.DO_NOT_DISTURB, "busy 忙"));
        repository.save(bob);
        Account found = repository.find(bob.id()).orElseThrow();
        assertEquals(bob, found);
        assertEquals(Optional.of(5223), found.port());
        assertEquals(Optional.of("xmpp.example.net"), found.host());
    }

    @Test
    void updateKeepsTheIdAndReplacesTheFields() {
        Account before = account("a1", "alice@example.org", Optional.of("old.example.org"), Optional.of(5222));
        repository.save(before);
        Account after = new Account(before.id(), jid("alice@example.com"), "phone", 127, Optional.empty(), Optional.empty(),
                TlsMode.IF_POSSIBLE, false, true, new OwnPresence(PresenceKind.AWAY, "out"));
        repository.save(after);
        assertEquals(List.of(after), repository.all());
        Account presenceOnly = after.withPresence(new OwnPresence(PresenceKind.OFFLINE, ""));
        repository.save(presenceOnly);
        assertEquals(Optional.of(presenceOnly), repository.find(after.id()));
    }

    @Test
    void accountsKeepTheOrderTheyWereAddedIn() {
        Account zed = account("z", "zed@example.org", Optional.empty(), Optional.empty());
        Account amy = account("a", "amy@example.org", Optional.empty(), Optional.empty());
        Account mia = account("m", "mia@example.org", Optional.empty(), Optional.empty());
        repository.save(zed);
        repository.save(amy);
        repository.save(mia);
        // Updating one does not move it.
        repository.save(zed.withPresence(new OwnPresence(PresenceKind.AWAY, "")));
        assertEquals(List.of("z", "a", "m"), repository.all().stream().map(account -> account.id().value()).toList());
    }

    @Test
    void deleteRemovesOnlyThatAccount() {
        Account alice = account("a1", "alice@example.org", Optional.empty(), Optional.empty());
        Account bob = account("b1", "bob@example.org", Optional.of("h"), Optional.of(1));
        repository.save(alice);
        repository.save(bob);
        repository.delete(alice.id());
        assertEquals(Optional.empty(), repository.find(alice.id()));
        assertEquals(List.of(bob), repository.all());
        // Deleting again is harmless.
        repository.delete(alice.id());
        assertEquals(List.of(bob), repository.all());
    }

    @Test
    void accountsSurviveReopening() {
        Account bob = account("b1", "bob@example.org", Optional.of("host.example"), Optional.of(5222));
        repository.save(bob);
        database.close();
        database = Database.open(folder.resolve("welljabber"));
        assertEquals(List.of(bob), new AccountRepository(database).all());
    }

    @Test
    void theSameJidTwiceIsRefused() {
        repository.save(account("a1", "alice@example.org", Optional.empty(), Optional.empty()));
        assertThrows(StorageException.class,
                () -> repository.save(account("a2", "alice@example.org", Optional.empty(), Optional.empty())));
        assertEquals(1, repository.all().size());
        assertTrue(repository.find(new AccountId("a2")).isEmpty());
    }

    private static org.jxmpp.jid.EntityBareJid jid(String text) {
        try {
            return JidCreate.entityBareFrom(text);
        } catch (XmppStringprepException e) {
            throw new AssertionError(e);
        }
    }
}
