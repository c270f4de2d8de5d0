package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProsodyOptionsTest {

    @Test
    void defaults() {
        ProsodyOptions options = ProsodyOptions.builder().build();
        assertTrue(options.tls());
        assertTrue(options.requireEncryption());
        assertFalse(options.directTls());
        assertFalse(options.registration());
        assertTrue(options.muc());
        assertFalse(options.httpUpload());
        assertTrue(options.accounts().isEmpty());
    }

    @Test
    void accountsAndRostersAreKeyedByPreparedUserNames() {
        ProsodyOptions options = ProsodyOptions.builder()
                .account("Alice", "pw").roster("ALICE", RosterEntry.mutual("bob@localhost", "Bob"))
                .pendingSubscription("alice", "carol@localhost").build();
        assertEquals("pw", options.accounts().get("alice"));
        assertEquals(1, options.rosters().get("alice").size());
        assertEquals(1, options.pendingSubscriptions().get("alice").size());
    }

    @Test
    void optionsAreImmutableAndCanBeDerived() {
        ProsodyOptions original = ProsodyOptions.builder().account("a", "1").build();
        assertThrows(UnsupportedOperationException.class, () -> original.accounts().put("b", "2"));
        ProsodyOptions derived = original.toBuilder().account("b", "2").plain().build();
        assertEquals(List.of("a"), List.copyOf(original.accounts().keySet()));
        assertEquals(List.of("a", "b"), List.copyOf(derived.accounts().keySet()));
        assertTrue(original.tls());
        assertFalse(derived.tls());
    }

    @Test
    void emptyPasswordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProsodyOptions.builder().account("a", ""));
    }
}
