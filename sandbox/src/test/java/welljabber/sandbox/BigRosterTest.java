package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigRosterTest {

    @Test
    void contactsAreNumberedNamedAndSpreadOverTwentyGroups() {
        List<RosterEntry> entries = BigRoster.contacts(5000, "bots.localhost");
        assertEquals(5000, entries.size());
        assertEquals(RosterEntry.mutual("c00000@bots.localhost", "Contact 0", "Group 0"), entries.get(0));
        assertEquals(RosterEntry.mutual("c04242@bots.localhost", "Contact 4242", "Group 2"), entries.get(4242));
        assertEquals(20, entries.stream().map(e -> e.groups().iterator().next()).distinct().count());
        assertEquals(BigRoster.jids(5000, "bots.localhost"), entries.stream().map(RosterEntry::jid).toList());
    }

    @Test
    void rosterFileWritesFiveThousandEntries(@TempDir Path data) throws Exception {
        List<RosterEntry> entries = BigRoster.contacts(5000, "bots.localhost");
        long began = System.nanoTime();
        Path file = RosterFile.write(data, "localhost", "me", entries, List.of());
        // printed, not asserted: a figure for the benchmark notes
        System.out.printf("RosterFile.write of %d entries: %.1f ms, %d bytes%n", entries.size(),
                (System.nanoTime() - began) / 1e6, Files.size(file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(5000, lines.stream().filter(l -> l.startsWith("\t[\"c")).count());
        assertTrue(lines.contains("\t[\"c04242@bots.localhost\"] = { [\"subscription\"] = \"both\"; [\"name\"] = \"Contact 4242\"; "
                + "[\"groups\"] = { [\"Group 2\"] = true; }; };"), () -> String.join("\n", lines.subList(0, 3)));
    }
}
