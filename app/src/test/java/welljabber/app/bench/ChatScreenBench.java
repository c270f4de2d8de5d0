package welljabber.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.app.ui.ChatPaneBench;
import welljabber.app.ui.FxEventLatencyProbe;
import welljabber.app.ui.FxPulseRecorder;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;
import welljabber.sandbox.RosterEntry;

/**
 * The chat benchmark's on-screen figures (issue #6), in the real shell: a burst of inbound messages
 * into an open conversation tab against a raw Smack listener on the same server and burst in the
 * same run (the floor), and opening a conversation of many stored messages until its newest message
 * is on screen. Prints median, min and max; asserts only that the work was done (every message
 * stored and shown), never how fast.
 *
 * <p>Tagged {@code bench}: the normal build excludes it. Run it with {@code bench/chat/run.sh}.
 * Runs per figure: {@code -Dwelljabber.bench.runs=N} (default 3) after one warm-up that is not counted;
 * {@code -Dwelljabber.bench.chatBurst}, {@code -Dwelljabber.bench.chatConversation} change the sizes.
 */
@Tag("bench")
class ChatScreenBench {
    static final String PASSWORD = "bench-secret";
    static final int RUNS = Integer.getInteger("welljabber.bench.runs", 3);
    static final int BURST = Integer.getInteger("welljabber.bench.chatBurst", 10_000);
    static final int CONVERSATION = Integer.getInteger("welljabber.bench.chatConversation", 100_000);
    static final String BIG_PEER = "bob@localhost";
    /**
     * {@code -Dwelljabber.bench.peer=process}: the burst's sender runs in a process of its own instead of
     * this JVM; {@code -Dwelljabber.bench.peerNice=N} (with it) runs that process and Prosody at nice N,
     * standing in for a server and a contact on other machines. Default: the sender in this JVM, all at
     * the same priority (the figures recorded before these options).
     */
    static final boolean PEER_PROCESS = "process".equals(System.getProperty("welljabber.bench.peer", "jvm"));
    static final int PEER_NICE = Integer.getInteger("welljabber.bench.peerNice", 0);

    @Test
    void chatOnScreen() throws Exception {
        SmackConfiguration.setDefaultReplyTimeout(30_000);
        // STARTTLS as a real account connects. No message archive: with the sandbox's file-based archive
        // Prosody itself, not either client, limited a long burst to a few hundred messages a second.
        try (ProsodyServer server = ProsodyOptions.builder().muc(false)
                .extraGlobalConfig("default_archive_policy = false\n")
                .account("me", PASSWORD).account("alice", PASSWORD)
                .roster("me", RosterEntry.mutual("alice@localhost", "Alice"))
                .roster("alice", RosterEntry.mutual("me@localhost", "Me"))
                .start()) {
            if (PEER_PROCESS && PEER_NICE > 0) {
                PeerProcess.lowerPriority(server, PEER_NICE);
            }
            BenchTable table = new BenchTable("Chat benchmark: " + BURST + "-message burst into an open tab vs raw Smack, opening a "
                    + CONVERSATION + "-message conversation; Prosody on 127.0.0.1 (STARTTLS), " + RUNS + " runs after 1 warm-up, "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load average at start " + loadAverage());
            // -Dwelljabber.bench.chatParts=burst or =open runs one part only.
            String parts = System.getProperty("welljabber.bench.chatParts", "all");
            if (!parts.equals("open")) {
                burst(server, table);
            }
            if (!parts.equals("burst")) {
                openLargeConversation(server, table);
            }
            table.note("load average at end: " + loadAverage());
            table.publish("chat-bench.txt");
        }
    }

    // ---- 1. a burst into an open conversation tab, against the raw Smack floor ------------------------------

    private static void burst(ProsodyServer server, BenchTable table) throws Exception {
        List<Long> raw = new ArrayList<>();
        List<Long> shell = new ArrayList<>();
        List<Long> stored = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        List<Long> cpuInGaps = new ArrayList<>();
        List<Long> renderInGaps = new ArrayList<>();
        List<Long> idleGaps = new ArrayList<>();
        List<Long> fxBusy = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        List<Long> eventWaits = new ArrayList<>();
        List<Long> gcInEventWaits = new ArrayList<>();
        List<Long> idleEventWaits = new ArrayList<>();
        List<String> over50 = new ArrayList<>();
        List<FxEventLatencyProbe.LongWait> longWaits = new ArrayList<>();
        List<String> focus = new ArrayList<>();
        for (int run = 0; run < 1 + RUNS; run++) {
            // Alternate which goes first, so neither always gets the warmer server.
            long rawNanos = 0;
            ChatPaneBench.Burst onScreen = null;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == (run % 2 == 0)) {
                    rawNanos = rawSmack(server, run);
                } else {
                    onScreen = shellBurst(server, run);
                }
            }
            System.out.printf("chat bench: burst run %d: raw Smack %.0f msg/s, shell stored %.0f msg/s, shown %.0f msg/s, longest pulse gap"
                    + " %.1f ms (FX on CPU %.1f ms), longest wait of an FX event %.1f ms, FX on CPU %.0f ms in all (load %s)%n", run,
                    rate(rawNanos), rate(onScreen.firstSendToStoredNanos()), rate(onScreen.firstSendToShownNanos()),
                    onScreen.gaps().longestGapNanos() / 1e6, onScreen.gaps().fxCpuInLongestGapNanos() / 1e6,
                    onScreen.eventWaits().longestNanos() / 1e6, onScreen.gaps().fxCpuNanos() / 1e6, loadAverage());
            onScreen.eventWaits().longWaits().forEach(wait -> System.out.println("chat bench:   wait over 50 ms: " + wait));
            if (run > 0) {
                raw.add(rawNanos);
                shell.add(onScreen.firstSendToShownNanos());
                stored.add(onScreen.firstSendToStoredNanos());
                gaps.add(onScreen.gaps().longestGapNanos());
                cpuInGaps.add(onScreen.gaps().fxCpuInLongestGapNanos());
                renderInGaps.add(onScreen.gaps().rendererCpuInLongestGapNanos());
                idleGaps.add(onScreen.idle().longestGapNanos());
                fxBusy.add(onScreen.gaps().mostFxCpuBetweenPulsesNanos());
                fxCpu.add(onScreen.gaps().fxCpuNanos());
                eventWaits.add(onScreen.eventWaits().longestNanos());
                gcInEventWaits.add(onScreen.eventWaits().gcMillisInLongest() * 1_000_000);
                idleEventWaits.add(onScreen.idleEventWaits().longestNanos());
                over50.add(onScreen.eventWaits().over50Ms() + "/" + onScreen.eventWaits().events());
                longWaits.addAll(onScreen.eventWaits().longWaits());
                focus.add(Boolean.toString(onScreen.windowFocused()));
            }
        }
        table.section("1. " + BURST + " inbound chat messages from a contact, as fast as the server delivers them"
                + (PEER_PROCESS ? "; the sender in a process of its own" + (PEER_NICE > 0 ? ", it and Prosody at nice " + PEER_NICE : "")
                        : "; the sender in the bench's JVM"));
        table.millis("raw Smack 4.4.8 listener (floor): first send until all received", raw);
        table.note(String.format(java.util.Locale.ROOT, "  = %.0f msg/s (median)", rate(median(raw))));
        table.millis("shell, tab open: first send until all stored (seen in H2, polled every 20 ms)", stored);
        table.note(String.format(java.util.Locale.ROOT, "  = %.0f msg/s (median) = %.0f%% of raw Smack's median",
                rate(median(stored)), 100.0 * median(raw) / median(stored)));
        table.millis("shell, tab open: first send until all stored and the newest on screen", shell);
        table.note(String.format(java.util.Locale.ROOT, "  = %.0f msg/s (median) = %.0f%% of raw Smack's median (target >= 70%%)",
                rate(median(shell)), 100.0 * median(raw) / median(shell)));
        table.millis("longest gap between two FX pulses during the burst (target <= 50)", gaps);
        table.millis("  of which the FX thread was on the CPU", cpuInGaps);
        table.millis("  and the render thread (QuantumRenderer) was on the CPU", renderInGaps);
        table.millis("longest gap between two FX pulses in 3 s without a burst, just before", idleGaps);
        table.millis("most FX-thread CPU time between two pulses during the burst", fxBusy);
        // The FX thread's whole work for the burst: steadier from run to run than any one wait, so it is
        // what tells whether a change made the FX thread's share cheaper.
        table.millis("FX-thread CPU time during the burst, in all", fxCpu);
        table.millis("longest wait of an event posted to the FX thread during the burst (one every 5 ms)", eventWaits);
        table.millis("  of which garbage collection (its pauses, as the JVM counts them in whole ms)", gcInEventWaits);
        table.note("  events that waited over 50 ms / events posted, per run: " + over50);
        longWaits.forEach(wait -> table.note("    " + wait));
        table.millis("longest wait of an event posted to the FX thread in the 3 s without a burst", idleEventWaits);
        table.note("window focused during the counted bursts: " + focus);
    }

    private static double rate(long nanos) {
        return BURST / (nanos / 1e9);
    }

    /** The floor: a raw Smack connection as me with a listener that only counts. */
    private static long rawSmack(ProsodyServer server, int run) throws Exception {
        XMPPTCPConnection me = connect(server, "me", "raw" + run);
        CountDownLatch all = new CountDownLatch(BURST);
        AtomicLong counted = new AtomicLong();
        me.addSyncStanzaListener(stanza -> {
            counted.incrementAndGet();
            all.countDown();
        }, MessageTypeFilter.CHAT);
        try (BurstPeer alice = peer(server, "raw-sender" + run)) {
            long started = System.nanoTime();
            alice.burst("me@localhost", BURST, "raw" + run, counted::get);
            assertTrue(all.await(300, TimeUnit.SECONDS), all.getCount() + " messages never reached raw Smack");
            return System.nanoTime() - started;
        } finally {
            me.disconnect();
        }
    }

    /** The shell on a fresh profile, alice's conversation open in its tab, then the same burst. */
    private static ChatPaneBench.Burst shellBurst(ProsodyServer server, int run) throws Exception {
        try (BurstPeer alice = peer(server, "shell-sender" + run); ChatPaneBench shell = ChatPaneBench.start(null)) {
            shell.connect(server.jid("me").toString(), PASSWORD, server.host(), server.c2sPort());
            // Her first message opens the tab, as it does for a user; the burst follows into the open tab.
            alice.sendOne("me@localhost", "hello before burst " + run);
            shell.awaitShown("hello before burst " + run, 30);
            String last = ChatBurst.body("shell" + run, BURST - 1);
            long baseline = shell.received();
            ChatPaneBench.Burst burst = shell.burst(() -> {
                try {
                    alice.burst("me@localhost", BURST, "shell" + run, () -> shell.received() - baseline);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, last, "alice@localhost", "shell" + run + "-" + (BURST - 1));
            assertEquals(BURST + 1, shell.stored("alice@localhost"), "messages stored in the shell's history");
            return burst;
        }
    }

    private static BurstPeer peer(ProsodyServer server, String resource) throws Exception {
        return PEER_PROCESS ? PeerProcess.start(server, "alice", PASSWORD, resource, PEER_NICE)
                : BurstPeer.inThisJvm(connect(server, "alice", resource));
    }

    private static XMPPTCPConnection connect(ProsodyServer server, String user, String resource) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(LoopbackConnections.builder(server, user, PASSWORD, resource).build());
        connection.connect().login();
        return connection;
    }

    // ---- 2. opening a conversation with many stored messages -------------------------------------------------

    private static void openLargeConversation(ProsodyServer server, BenchTable table) throws Exception {
        Path profile;
        AccountId account;
        try (ChatPaneBench shell = ChatPaneBench.start(null)) {
            account = shell.connect(server.jid("me").toString(), PASSWORD, server.host(), server.c2sPort());
            profile = shell.profile();
        }
        long filling = System.nanoTime();
        BigHistory.fill(profile, account, BIG_PEER, CONVERSATION);
        double fillSeconds = (System.nanoTime() - filling) / 1e9;
        List<Long> opens = new ArrayList<>();
        long firstInJvm = 0;
        for (int run = 0; run < 1 + RUNS; run++) {
            // A new start of the shell on the same profile each time: the database is read cold.
            try (ChatPaneBench shell = ChatPaneBench.start(profile)) {
                shell.awaitConnected();
                Thread.sleep(1000); // let the start-up work (archive catch-up, roster) pass
                long took = shell.open(account, BIG_PEER, BigHistory.NEWEST, 1);
                assertEquals(BigHistory.PAGE, shell.itemCount(), "messages in the list after opening");
                System.out.printf("chat bench: open run %d: %.1f ms (load %s)%n", run, took / 1e6, loadAverage());
                if (run == 0) {
                    firstInJvm = took;
                } else {
                    opens.add(took);
                }
            }
        }
        table.section("2. opening a conversation of " + CONVERSATION + " stored messages (shell restarted before each open)");
        table.millis("open request until the newest message is laid out on screen (target < 150)", opens);
        table.note(String.format(java.util.Locale.ROOT, "the warm-up (first open in this JVM: chat classes not loaded yet): %.1f ms",
                firstInJvm / 1e6));
        table.note(String.format(java.util.Locale.ROOT, "(history written straight into the shell's database in %.1f s)", fillSeconds));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

}
