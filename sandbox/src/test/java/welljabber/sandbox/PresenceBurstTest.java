package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresenceBurstTest {

    @Test
    void aPresenceCarriesShowStatusAndPriorityEscaped() {
        assertEquals("<presence from='c1@bots.localhost/desk' to='me@localhost'><show>dnd</show>"
                        + "<status>Tom &amp; Jerry&apos;s &lt;show&gt;</status><priority>3</priority></presence>",
                PresenceBurst.stanza("c1@bots.localhost/desk", "me@localhost", "dnd", "Tom & Jerry's <show>", 3));
    }

    @Test
    void noShowMeansPlainAvailable() {
        assertEquals("<presence from='a@b/c' to='me@localhost'><priority>0</priority></presence>",
                PresenceBurst.stanza("a@b/c", "me@localhost", "", null, 0));
    }

    @Test
    void everyShowValueIsUsedAndTheSecondRoundChangesEveryContact() {
        Set<String> shows = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            shows.add(PresenceBurst.show(i, 0));
            assertNotEquals(PresenceBurst.show(i, 0), PresenceBurst.show(i, 1), "contact " + i);
            assertNotEquals(PresenceBurst.status(i, 0), PresenceBurst.status(i, 1), "contact " + i);
        }
        assertEquals(Set.copyOf(PresenceBurst.SHOWS), shows);
    }
}
