package welljabber.app.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import welljabber.api.account.AccountId;

class PrivateFilePasswordStoreTest {
    private static final AccountId ALICE = new AccountId("0b7f6c1e-alice");
    private static final AccountId BOB = new AccountId("bob:with=odd chars");

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("config").resolve("passwords.properties");
    }

    private void assertOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    private String rawFile() throws IOException {
        return Files.readString(file(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void kindIsPrivateFile() {
        assertEquals(PasswordStore.Kind.PRIVATE_FILE, new PrivateFilePasswordStore(file()).kind());
    }

    @Test
    void nothingStoredMeansEmpty() {
        assertEquals(Optional.empty(), new PrivateFilePasswordStore(file()).load(ALICE));
        assertFalse(Files.exists(file()));
    }

    @Test
    void saveLoadDeleteRoundTrip() throws IOException {
        PrivateFilePasswordStore store = new PrivateFilePasswordStore(file());
        store.save(ALICE, "alice@example.org", "hunter2".toCharArray());
        assertArrayEquals("hunter2".toCharArray(), store.load(ALICE).orElseThrow());
        assertOwnerOnly();

        // A second store on the same file reads what the first wrote.
        assertArrayEquals("hunter2".toCharArray(), new PrivateFilePasswordStore(file()).load(ALICE).orElseThrow());

        store.delete(ALICE);
        assertEquals(Optional.empty(), store.load(ALICE));
        assertEquals(Optional.empty(), new PrivateFilePasswordStore(file()).load(ALICE));
        assertOwnerOnly();
    }

    @Test
    void oddAndNonAsciiCharactersSurvive() throws IOException {
        PrivateFilePasswordStore store = new PrivateFilePasswordStore(file());
        String password = "pä=ss:wörd 密码 🔑 #!\\ \n end";
        store.save(BOB, "bob@example.org", password.toCharArray());
        assertEquals(password, new String(new PrivateFilePasswordStore(file()).load(BOB).orElseThrow()));
        assertOwnerOnly();
    }

    @Test
    void passwordsAreNotInThePlainFile() throws IOException {
        PrivateFilePasswordStore store = new PrivateFilePasswordStore(file());
        store.save(ALICE, "alice@example.org", "CorrectHorseBatteryStaple".toCharArray());
        store.save(BOB, "bob@example.org", "pä=ss:wörd".toCharArray());
        String raw = rawFile();
        assertFalse(raw.contains("CorrectHorseBatteryStaple"), raw);
        assertFalse(Files.readString(file(), StandardCharsets.UTF_8).contains("pä=ss:wörd"));
        assertFalse(raw.contains("ss:w"), raw);
        // Base64, as the class says: the encoded form is what is there.
        assertTrue(raw.contains("Q29ycmVjdEhvcnNlQmF0dGVyeVN0YXBsZQ"), raw); // the "=" padding is written escaped
    }

    @Test
    void modeIsOwnerOnlyAfterEveryWrite() throws IOException {
        PrivateFilePasswordStore store = new PrivateFilePasswordStore(file());
        store.save(ALICE, "a", "one".toCharArray());
        assertOwnerOnly();
        store.save(BOB, "b", "two".toCharArray());
        assertOwnerOnly();
        store.save(ALICE, "a", "three".toCharArray());
        assertOwnerOnly();
        store.delete(BOB);
        assertOwnerOnly();
    }

    @Test
    void aFileOthersCouldReadIsTightenedOnTheNextWrite() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "# hand made\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        new PrivateFilePasswordStore(file()).save(ALICE, "a", "x".toCharArray());
        assertOwnerOnly();
    }

    @Test
    void accountsAreIndependent() {
        PrivateFilePasswordStore store = new PrivateFilePasswordStore(file());
        store.save(ALICE, "alice", "alice-secret".toCharArray());
        store.save(BOB, "bob", "bob-secret".toCharArray());
        assertEquals("alice-secret", new String(store.load(ALICE).orElseThrow()));
        assertEquals("bob-secret", new String(store.load(BOB).orElseThrow()));

        store.save(ALICE, "alice", "changed".toCharArray());
        assertEquals("changed", new String(store.load(ALICE).orElseThrow()));
        assertEquals("bob-secret", new String(store.load(BOB).orElseThrow()));

        store.delete(BOB);
        assertEquals(Optional.empty(), store.load(BOB));
        assertEquals("changed", new String(store.load(ALICE).orElseThrow()));
    }

    @Test
    void noTemporaryFilesAreLeft() throws IOException {
        PrivateFilePasswordStore store = new PrivateFilePasswordStore(file());
        store.save(ALICE, "a", "1".toCharArray());
        store.save(BOB, "b", "2".toCharArray());
        store.delete(ALICE);
        try (var files = Files.list(file().getParent())) {
            assertEquals(java.util.List.of(file()), files.toList());
        }
    }
}
