package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterFileTest {

    @Test
    void rendersMetadataThenOneEntryPerContact() {
        String lua = RosterFile.render(List.of(
                RosterEntry.mutual("bob@localhost", "Bob", "Friends", "Work"),
                RosterEntry.of("carol@localhost", null, Subscription.NONE)), List.of());
        assertEquals("""
                return {
                \t[false] = { ["version"] = 1; ["pending"] = {}; };
                \t["bob@localhost"] = { ["subscription"] = "both"; ["name"] = "Bob"; ["groups"] = { ["Friends"] = true; ["Work"] = true; }; };
                \t["carol@localhost"] = { ["subscription"] = "none"; ["groups"] = {}; };
                };
                """, lua);
    }

    @Test
    void pendingRequestsAndOutgoingAsksAreWritten() {
        String lua = RosterFile.render(
                List.of(new RosterEntry("dave@example.org", "Dave", Subscription.NONE, java.util.Set.of(), true)),
                List.of("Eve@LocalHost"));
        assertTrue(lua.contains("[\"pending\"] = { [\"eve@localhost\"] = true; }"), lua);
        assertTrue(lua.contains("[\"ask\"] = \"subscribe\";"), lua);
    }

    @Test
    void jidsAreNormalisedAndALaterEntryForTheSameJidWins() {
        String lua = RosterFile.render(List.of(
                RosterEntry.mutual("Bob@LocalHost", "Old"),
                RosterEntry.mutual("bob@localhost", "New")), List.of());
        assertEquals(1, lua.split("bob@localhost", -1).length - 1, lua);
        assertTrue(lua.contains("\"New\""), lua);
    }

    @Test
    void namesAndGroupsWithQuotesAreEscaped() {
        String lua = RosterFile.render(List.of(RosterEntry.mutual("x@localhost", "The \"X\"", "Grüße\\")), List.of());
        assertTrue(lua.contains("[\"name\"] = \"The \\\"X\\\"\";"), lua);
        assertTrue(lua.contains("[\"Grüße\\\\\"] = true;"), lua);
    }

    @Test
    void writesTheFileWhereProsodyLooksForIt(@TempDir Path data) throws Exception {
        Path file = RosterFile.write(data, "localhost", "first.last", List.of(RosterEntry.mutual("a@localhost", "A")), List.of());
        assertEquals(data.resolve("localhost/roster/first%2elast.dat"), file);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("return {\n"));
        assertTrue(Files.list(file.getParent()).allMatch(p -> p.toString().endsWith(".dat")), "no temporary file left");
    }

    @Test
    void aBigRosterIsRenderedQuickly() {
        List<RosterEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            entries.add(RosterEntry.mutual("c%05d@localhost".formatted(i), "Contact " + i, "Group " + (i % 20)));
        }
        long began = System.nanoTime();
        String lua = RosterFile.render(entries, List.of());
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertEquals(5000 + 3, lua.lines().count());
        assertTrue(millis < 2000, "took " + millis + " ms");
    }
}
