package welljabber.plugin.chat.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.testsupport.storage.H2TestStorage;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * Nothing lost (issue #6, done-when 2a): the client process is killed with SIGKILL during a
 * 5,000-message inbound burst; after a restart, every message it had acknowledged with a receipt is
 * in its history, once. The client runs in a process of its own ({@link KillableClient}) with its
 * history in an H2 file opened the way the shell opens its database.
 */
@WithProsody(accounts = {"me:secret", "alice:secret"}, muc = false, setup = ContactsForReliability.class)
class KillDuringBurstTest {
    private static final int BURST = 5_000;
    /** Kill once this many receipts came back: well inside the burst. */
    private static final int KILL_AFTER_RECEIPTS = 1_000;
    /**
     * H2 setting the client's database is opened with: every commit written to the file before the
     * commit returns. With H2's default (a write delay of up to half a second), runs of this test found
     * 106, 124 and 341 acknowledged messages missing from the file right after the kill: the plugin
     * stores before it acknowledges, but H2 had not written yet. The shell's database must be opened
     * this way for the guarantee to hold (see the chat plugin's report); this test checks the plugin's
     * side of it. (No compacting as the database closes comes with H2TestStorage, as with the shell's
     * Database.open: with it, the restarted client's file was unreadable after its clean quit in 2 of about
     * 10 runs, "Double mark".)
     */
    static final String DURABLE = ";WRITE_DELAY=0";
    /** At most this many messages without a receipt while the client is alive. */
    private static final int WINDOW = 500;
    /** Generous: the machine may be busy with other builds. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void everyAcknowledgedMessageIsInHistoryOnceAfterAKill(ProsodyServer server, XmppTestClients clients, @TempDir Path folder)
            throws Exception {
        Path database = folder.resolve("history");
        List<Process> started = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        XMPPTCPConnection aliceConnection = null;
        try {
            Process client = start(server, database, started);
            XMPPTCPConnection alice = clients.connection("alice", "secret");
            // Without stream management: after the kill nothing paces her, and with thousands unacknowledged Smack's
            // writer and reader wait on each other (AckWindow); the burst then sat out its whole join timeout (seen:
            // the test took 142 s instead of 28, "Writer running: true" at the end).
            alice.setUseStreamManagement(false);
            alice.connect().login();
            aliceConnection = alice;
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, receipt) -> acknowledged.add(id));

            AtomicBoolean killed = new AtomicBoolean();
            Thread burst = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (int i = 0; i < BURST && !stop.get(); i++) {
                        // A window, as any sender keeps: with thousands unanswered, the receipts coming back and
                        // Smack's stream-management answers share one full send queue, and sender, server and
                        // client all stop (seen here). After the kill no receipts come, so only pace.
                        while (!killed.get() && i - acknowledged.size() > WINDOW && !stop.get()) {
                            Thread.sleep(1);
                        }
                        if (killed.get() && i % 100 == 0) {
                            Thread.sleep(1);
                        }
                        alice.sendStanza(StanzaBuilder.buildMessage("burst-" + i).to(JidCreate.entityBareFrom("me@localhost"))
                                .ofType(Message.Type.chat).setBody("burst message " + i).addExtension(new DeliveryReceiptRequest())
                                .build());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Poll.until(WAIT, () -> acknowledged.size() >= KILL_AFTER_RECEIPTS, () -> "only " + acknowledged.size() + " receipts");
            client.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no database close
            killed.set(true);
            assertTrue(client.waitFor(10, TimeUnit.SECONDS));
            burst.join(WAIT.toMillis());
            Thread.sleep(500); // receipts the client sent just before dying are still on their way
            Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged);
            assertTrue(acknowledgedBeforeKill.size() < BURST, "the kill came after the burst: " + acknowledgedBeforeKill.size());
            // What the database file holds right after the kill, before anything repairs it: for the report.
            Map<String, Integer> afterKill = storedIds(database);
            long lostByDatabase = acknowledgedBeforeKill.stream().filter(id -> !afterKill.containsKey(id)).count();

            Process again = start(server, database, started);
            // The restarted client fetches from the server's archive what it does not have, as after any reconnect.
            awaitLine(again, "CAUGHT_UP");
            quit(again);

            Map<String, Integer> stored = storedIds(database);
            List<String> missing = new ArrayList<>();
            for (String id : acknowledgedBeforeKill) {
                if (!stored.containsKey(id)) {
                    missing.add(id);
                }
            }
            List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            System.out.printf("KillDuringBurstTest: %d acknowledged before the kill; %d of them missing from the database file"
                    + " right after the kill; %d of %d in history after the restart%n",
                    acknowledgedBeforeKill.size(), lostByDatabase, stored.size(), BURST);
            assertEquals(List.of(), missing.stream().sorted().limit(20).toList(), missing.size() + " acknowledged messages are missing");
            assertEquals(List.of(), twice, "stored more than once");
        } finally {
            stop.set(true); // a failed test must not leave the burst filling alice's send queue
            started.forEach(Process::destroyForcibly);
            if (aliceConnection != null) {
                aliceConnection.instantShutdown(); // a stuck send queue would make a clean disconnect wait forever
            }
        }
    }

    private static Process start(ProsodyServer server, Path database, List<Process> started) throws IOException, InterruptedException {
        String classpath = System.getProperty("jdk.module.path") + java.io.File.pathSeparator + System.getProperty("java.class.path");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dwelljabber.test.h2Settings=" + DURABLE,
                KillableClient.class.getName(),
                server.host(), Integer.toString(server.c2sPort()), server.certificatePath().toString(), database.toString())
                .redirectErrorStream(true).start();
        started.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> out.lines().forEach(lines::add)); // also keeps its pipe drained
        OUTPUT.put(process, lines);
        awaitLine(process, "READY");
        return process;
    }

    private static final Map<Process, BlockingQueue<String>> OUTPUT = new ConcurrentHashMap<>();

    private static void awaitLine(Process process, String wanted) throws InterruptedException {
        BlockingQueue<String> lines = OUTPUT.get(process);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (wanted.equals(line)) {
                return;
            }
            if (line != null) {
                seen.add(line);
            } else if (!process.isAlive()) {
                break;
            }
        }
        // It may have died with its last words still in the pipe: give the reader a moment, then say them.
        Thread.sleep(500);
        lines.drainTo(seen);
        String exit = process.isAlive() ? "still running" : "exited with " + process.exitValue();
        process.destroyForcibly();
        throw new AssertionError("the client never said " + wanted + " (" + exit + "): " + String.join("\n", seen));
    }

    private static void quit(Process process) throws IOException, InterruptedException {
        try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("quit\n");
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the client did not close");
    }

    /** Stanza id → how many rows hold it, read from the client's database after it closed. */
    private static Map<String, Integer> storedIds(Path database) throws Exception {
        try (H2TestStorage storage = H2TestStorage.file(database, DURABLE)) {
            return storage.withConnection(connection -> {
                Map<String, Integer> ids = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT STANZA_ID, COUNT(*) FROM MESSAGE WHERE NOT OUTGOING GROUP BY STANZA_ID");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getInt(2));
                    }
                }
                return ids;
            });
        }
    }
}
