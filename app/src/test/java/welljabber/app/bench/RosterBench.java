package welljabber.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import welljabber.sandbox.BigRoster;
import welljabber.app.ui.RosterPaneBench;
import welljabber.sandbox.ComponentConnection;
import welljabber.sandbox.PresenceBurst;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;

/**
 * The roster benchmark (issue #5): a user {@code me} with 5,000 mutual contacts in 20 groups, all in
 * the external component's domain {@code bots.localhost}, so the component can bring them online at
 * once. Prints median, min and max of every figure; asserts only that the work was done (all entries
 * loaded, all presences applied), never how fast.
 *
 * <p>Tagged {@code bench}: the normal build excludes it. Run it with {@code bench/roster/run.sh}.
 * Runs per figure: {@code -Dwelljabber.bench.runs=N} (default 5), after one warm-up that is not counted.
 */
@Tag("bench")
class RosterBench {

    static final int CONTACTS = 5000;
    static final String USER = "me";
    static final String PASSWORD = "bench-secret";
    static final int RUNS = Integer.getInteger("welljabber.bench.runs", 5);

    @Test
    void rosterOfFiveThousandContacts() throws Exception {
        // STARTTLS with the server's own certificate pinned, as a real account connects
        try (ProsodyServer server = ProsodyOptions.builder().muc(false).account(USER, PASSWORD)
                .externalComponent("bots", "bots-secret")
                .roster(USER, BigRoster.contacts(CONTACTS, "bots.localhost"))
                .start();
             ComponentConnection component = ComponentConnection.connect(server)) {
            BenchTable table = new BenchTable("Roster benchmark: " + CONTACTS + " contacts in " + BigRoster.GROUPS
                    + " groups, Prosody on 127.0.0.1 (STARTTLS), " + RUNS + " runs after 1 warm-up, "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS));

            rawSmackFloor(server, component, table);

            // ---- roster plugin measurements go here (see rosterPluginMeasurements) ----
            rosterPluginMeasurements(server, component, table);

            table.publish("roster-bench.txt");
        }
    }

    private static void rawSmackFloor(ProsodyServer server, ComponentConnection component, BenchTable table) throws Exception {
        RawSmackRosterFloor floor = new RawSmackRosterFloor(server, USER, PASSWORD, CONTACTS);
        table.section("raw Smack 4.4.8 (floor: no UI, no model)");

        List<RawSmackRosterFloor.RosterLoad> loads = floor.rosterLoads(1 + RUNS);
        for (RawSmackRosterFloor.RosterLoad load : loads) {
            assertEquals(CONTACTS, load.entries(), "entries after reloadAndWait()");
        }
        table.millis("roster fetch: Roster.reloadAndWait()", loads.subList(1, loads.size()).stream().map(RawSmackRosterFloor.RosterLoad::nanos).toList());
        List<RawSmackRosterFloor.RosterLoad> atLogin = floor.loginRosterLoads(component, 1 + RUNS);
        for (RawSmackRosterFloor.RosterLoad load : atLogin) {
            assertEquals(CONTACTS, load.entries(), "entries after the login's roster");
        }
        table.millis("roster at login (initial presence too): request until roster loaded",
                atLogin.subList(1, atLogin.size()).stream().map(RawSmackRosterFloor.RosterLoad::nanos).toList());

        List<RawSmackRosterFloor.Burst> bursts = floor.presenceBursts(component, 1 + RUNS);
        for (RawSmackRosterFloor.Burst burst : bursts) {
            assertEquals(CONTACTS, burst.applied(), "presences applied by the roster in round " + burst.round());
        }
        List<RawSmackRosterFloor.Burst> counted = bursts.subList(2, bursts.size()); // the warm-up run's two rounds
        for (int round = 0; round < 2; round++) {
            int r = round;
            List<RawSmackRosterFloor.Burst> ofRound = counted.stream().filter(b -> b.round() == r).toList();
            String what = round == 0 ? "all come online" : "all change show/status";
            table.millis("presence burst (" + what + "): until all applied", ofRound.stream().map(RawSmackRosterFloor.Burst::appliedNanos).toList());
            table.millis("  of which the component writing " + CONTACTS + " presences", ofRound.stream().map(RawSmackRosterFloor.Burst::writeNanos).toList());
        }

        List<RawSmackRosterFloor.RosterHeap> heaps = new java.util.ArrayList<>();
        for (int run = 0; run < 1 + RUNS; run++) {
            RawSmackRosterFloor.RosterHeap heap = floor.rosterHeap(component);
            assertEquals(CONTACTS, heap.entries(), "entries in the heap run");
            assertEquals(CONTACTS, heap.presences(), "presences in the heap run");
            heaps.add(heap);
        }
        List<RawSmackRosterFloor.RosterHeap> countedHeaps = heaps.subList(1, heaps.size());
        table.mebibytes("heap: roster with " + CONTACTS + " entries", countedHeaps.stream().map(RawSmackRosterFloor.RosterHeap::entriesBytes).toList());
        table.mebibytes("heap: + one presence per contact", countedHeaps.stream().map(RawSmackRosterFloor.RosterHeap::presencesBytes).toList());
    }

    /**
     * The roster plugin in the real shell (window, Contacts pane, plugin loading, the shell's Smack
     * connection), against the same server, user and component as the floor, in the same run. Each
     * run starts a fresh profile, adds the account through the account dialog, and measures from
     * the roster request Smack sends at login on the shell's connection (what reloadAndWait() sends
     * in the floor) to the layout pass that shows every row; then filter keystrokes, the two
     * presence bursts (every FX pulse recorded), and the heap the session added.
     */
    private static void rosterPluginMeasurements(ProsodyServer server, ComponentConnection component, BenchTable table)
            throws Exception {
        int rows = CONTACTS + BigRoster.GROUPS;
        List<Long> loads = new java.util.ArrayList<>();
        List<Long> keystrokes = new java.util.ArrayList<>();
        List<Long> comeOnline = new java.util.ArrayList<>();
        List<Long> change = new java.util.ArrayList<>();
        List<Long> gaps = new java.util.ArrayList<>();
        List<Long> cpuInGaps = new java.util.ArrayList<>();
        List<Long> fxBusy = new java.util.ArrayList<>();
        List<Long> heap = new java.util.ArrayList<>();
        PresenceBurst burst = new PresenceBurst(component, server.jid(USER).toString(), BigRoster.jids(CONTACTS, component.domain()));
        for (int run = 0; run < 1 + RUNS; run++) {
            long stanzasBefore = component.receivedStanzas();
            try (RosterPaneBench shell = RosterPaneBench.start()) {
                RosterPaneBench.FirstLoad load = shell.connectAndWaitForRoster(server.jid(USER).toString(), PASSWORD,
                        server.host(), server.c2sPort(), rows);
                assertEquals(rows, shell.rowsShown(), "rows shown after the first load");
                // The session's initial presence makes Prosody probe and greet every contact: let that pass.
                component.awaitReceived(stanzasBefore + 2L * CONTACTS, java.time.Duration.ofSeconds(60));
                List<Long> typed = shell.typeIntoFilter("Contact 123");
                RosterPaneBench.Burst online = shell.presenceBurst(() -> burst.send(0), () -> shell.onlineShown() >= CONTACTS);
                assertEquals(CONTACTS, shell.onlineShown(), "contacts shown online after the burst");
                RosterPaneBench.Burst changed = shell.presenceBurst(() -> burst.send(1),
                        () -> shell.rowsContaining("status=Round 1: ") >= CONTACTS);
                assertEquals(CONTACTS, shell.rowsContaining("status=Round 1: "), "contacts showing the second burst's status");
                long heapUsed = RosterPaneBench.usedHeapAfterGc() - load.heapBytesBefore();
                if (run > 0) {
                    loads.add(load.requestToShownNanos());
                    keystrokes.addAll(typed);
                    comeOnline.add(online.appliedNanos());
                    change.add(changed.appliedNanos());
                    for (RosterPaneBench.Burst each : List.of(online, changed)) {
                        gaps.add(each.longestPulseGapNanos());
                        cpuInGaps.add(each.fxCpuInLongestGapNanos());
                        fxBusy.add(each.longestFxCpuBetweenPulsesNanos());
                    }
                    heap.add(heapUsed);
                }
            }
            // Logging out tells every contact: wait for those too, so the next run starts quiet.
            component.awaitReceived(stanzasBefore + 3L * CONTACTS, java.time.Duration.ofSeconds(60));
        }
        table.section("roster plugin in the shell (Contacts pane of the real window)");
        table.millis("roster request at login until all " + rows + " rows are laid out", loads);
        table.millis("filter keystroke until the list is laid out (typing and deleting 'Contact 123')", keystrokes);
        table.millis("presence burst (all come online): until all shown", comeOnline);
        table.millis("presence burst (all change show/status): until all shown", change);
        table.millis("longest gap between two FX pulses during a burst", gaps);
        table.millis("  of which the FX thread was on the CPU", cpuInGaps);
        table.millis("most FX-thread CPU time between two pulses during a burst", fxBusy);
        table.mebibytes("heap added by the session (Smack's roster and presences + the plugin + cells)", heap);
    }
}
