// Chat benchmark (issue #6): the chat plugin's receive path against a raw Smack listener on the same
// burst, opening a large conversation, and full-text search over a large history. GPL-3.0-or-later.
//
// Run through bench/chat/run.sh, which puts the app's runtime modules on the class path.

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.protocol.ChatProtocol;
import welljabber.plugin.chat.protocol.HistoryListener;
import welljabber.plugin.chat.search.SearchIndex;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.plugin.chat.store.WireMessage;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;
import welljabber.sandbox.RosterEntry;
import welljabber.testsupport.storage.H2TestStorage;

public final class ChatBench {
    private static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be this from "
            + "have or by one had not but what all were when we there can an your which their said if do will each about how up "
            + "out them then she many some so these would other into has more her two like him see time could no make than first "
            + "been its who now people my made over did down only way find use may water long little very after words called just "
            + "where most know get through back much go good new write our me man too any day same right look think also around "
            + "another came come work three word must because does part even place well such here take why things help put years "
            + "different away again off went old number great tell men say small every found still between name should home big "
            + "give air line set own under read last never us left end along while might next sound below saw something thought "
            + "both few those always looked show large often together asked house world going want school important until form "
            + "food keep children feet land side without boy once animals life enough took sometimes four head above kind began "
            + "almost live page got earth need far hand high year mother light parts country father let night following picture "
            + "being study second eyes soon times story boys since white days ever paper hard near sentence better best across "
            + "during today others however sure means knew its try told young miles sun ways thing whole hear example heard several "
            + "change answer room sea against top turned learn point city play toward five using himself usually").split(" ");

    /** The H2 settings the benchmark's own databases open with (see --cache-kb). */
    private static String storageSettings = ";WRITE_DELAY=0";

    public static void main(String[] args) throws Exception {
        int burst = intArg(args, "--burst", 10_000);
        int rounds = intArg(args, "--rounds", 3);
        int conversation = intArg(args, "--conversation", 100_000);
        int searchMessages = intArg(args, "--search-messages", 1_000_000);
        SmackConfiguration.setDefaultReplyTimeout(30_000);
        // --only burst|conversation|search runs one part; --work DIR keeps the databases there (a filled
        // search database is reused when present, to compare query changes on the same data).
        String only = stringArg(args, "--only", "all");
        String workArg = stringArg(args, "--work", null);
        // --cache-kb N: H2's page cache for the databases of parts 2 and 3, as the app sets it for its own
        // (welljabber.app.storage.Database); without it, H2's default.
        String cacheKb = stringArg(args, "--cache-kb", null);
        storageSettings = ";WRITE_DELAY=0" + (cacheKb == null ? "" : ";CACHE_SIZE=" + Integer.parseInt(cacheKb));
        Path work = workArg == null ? Files.createTempDirectory("welljabber-chat-bench") : Files.createDirectories(Path.of(workArg));
        System.out.printf("Chat benchmark, %s, %d cores, Java %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        System.out.printf("Load average at start: %s; H2 settings of its databases: %s%n", loadAverage(), storageSettings);
        if (only.equals("all") || only.equals("burst")) {
            receiveBurst(work, burst, rounds);
        }
        if (only.equals("all") || only.equals("conversation")) {
            openLargeConversation(work, conversation);
        }
        if (only.equals("all") || only.equals("search")) {
            search(work, searchMessages, burst);
        }
        System.out.printf("Load average at end: %s%n", loadAverage());
    }

    // ---- 1. inbound burst: raw Smack listener vs the plugin's receive path, interleaved --------------------

    private static void receiveBurst(Path work, int burst, int rounds) throws Exception {
        // No message archive: Prosody's file-based archive store (the sandbox's) makes the server, not the
        // clients, the bottleneck of a long burst (it reached only a few hundred messages a second here).
        ProsodyOptions.Builder options = ProsodyOptions.builder().plain().muc(false)
                .extraGlobalConfig("default_archive_policy = false\n")
                .account("me", "secret").account("alice", "secret")
                .roster("me", RosterEntry.mutual("alice@localhost", "Alice"))
                .roster("alice", RosterEntry.mutual("me@localhost", "Me"));
        List<Double> raw = new ArrayList<>();
        List<Double> plugin = new ArrayList<>();
        try (ProsodyServer server = options.start()) {
            for (int round = 0; round < rounds; round++) {
                // Alternate which goes first, so neither always gets the warmer server.
                if (round % 2 == 0) {
                    raw.add(rawSmack(server, burst, round));
                    plugin.add(pluginPath(server, work, burst, round));
                } else {
                    plugin.add(pluginPath(server, work, burst, round));
                    raw.add(rawSmack(server, burst, round));
                }
                System.out.printf("  round %d: raw Smack %.0f msg/s, chat plugin %.0f msg/s%n", round + 1, raw.getLast(),
                        plugin.getLast());
            }
        }
        double rawMedian = median(raw);
        double pluginMedian = median(plugin);
        System.out.printf("1. %,d inbound messages, median of %d rounds: raw Smack %.0f msg/s (%s), chat plugin's receive path without UI "
                + "(stored in H2, receipts sent) %.0f msg/s (%s) = %.0f%% of raw (target >= 70%%)%n", burst, rounds, rawMedian, range(raw),
                pluginMedian, range(plugin), 100 * pluginMedian / rawMedian);
    }

    /** The floor: a raw Smack listener that only counts. */
    private static double rawSmack(ProsodyServer server, int burst, int round) throws Exception {
        XMPPTCPConnection me = connect(server, "me", "raw" + round);
        XMPPTCPConnection alice = connect(server, "alice", "sender-raw" + round);
        CountDownLatch all = new CountDownLatch(burst);
        me.addSyncStanzaListener(stanza -> all.countDown(), MessageTypeFilter.CHAT);
        try {
            return send(alice, burst, "raw" + round, all);
        } finally {
            alice.disconnect();
            me.disconnect();
        }
    }

    /** The plugin's receive path: ChatManager listener, store in H2 first, then the receipt. */
    private static double pluginPath(ProsodyServer server, Path work, int burst, int round) throws Exception {
        try (H2TestStorage storage = fileStorage(work.resolve("burst-" + round))) {
            MessageStore store = new MessageStore(storage);
            store.migrate();
            CountDownLatch all = new CountDownLatch(burst);
            HistoryListener counting = new HistoryListener() {
                @Override
                public void added(StoredMessage message) {
                    all.countDown();
                }

                @Override
                public void changed(StoredMessage message) {
                }
            };
            ChatProtocol protocol = new ChatProtocol(store, counting, (key, state) -> { }, Locale.ENGLISH, Clock.systemUTC());
            XMPPTCPConnection me = new XMPPTCPConnection(LoopbackConnections.builder(server, "me", "secret", "plugin" + round).build());
            protocol.attach(new AccountId("me"), me);
            me.connect().login();
            XMPPTCPConnection alice = connect(server, "alice", "sender-plugin" + round);
            try {
                double rate = send(alice, burst, "plugin" + round, all);
                int stored = store.newest(new ConversationKey(new AccountId("me"), JidCreate.bareFrom("alice@localhost")),
                        burst + 1).size();
                if (stored != burst) {
                    throw new IllegalStateException("stored " + stored + " of " + burst);
                }
                return rate;
            } finally {
                protocol.detachAll();
                alice.disconnect();
                me.disconnect();
            }
        }
    }

    /**
     * At most this many messages in flight. Without a window, a 10,000-message burst with receipts coming
     * back filled every buffer between the two clients and the server and all three stopped (seen here);
     * the window is the same for both variants and far above what either drains per millisecond. Well
     * below Smack's 1,000-stanza queue awaiting the server's acknowledgement: at 1,000 the sender's reader
     * and writer could end up waiting on each other's full queues (the raw variant's stall).
     */
    private static final int WINDOW = 500;

    private static double send(XMPPTCPConnection alice, int burst, String tag, CountDownLatch all) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            while (i - (burst - all.getCount()) > WINDOW) {
                Thread.sleep(1); // as ChatBurst: 0.2 ms woke the sender up to 5,000 times a second
            }
            String id = tag + "-" + i;
            alice.sendStanza(StanzaBuilder.buildMessage(id).to(JidCreate.entityBareFrom("me@localhost")).ofType(Message.Type.chat)
                    .setBody("burst message " + i).addExtension(new OriginIdElement(id)).addExtension(new DeliveryReceiptRequest())
                    .build());
        }
        if (!all.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException(all.getCount() + " messages never arrived");
        }
        return burst / ((System.nanoTime() - start) / 1e9);
    }

    private static XMPPTCPConnection connect(ProsodyServer server, String user, String resource) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(LoopbackConnections.builder(server, user, "secret", resource).build());
        connection.connect().login();
        return connection;
    }

    // ---- 2. opening a conversation with many stored messages --------------------------------------------------

    private static void openLargeConversation(Path work, int size) throws Exception {
        try (H2TestStorage storage = fileStorage(work.resolve("large"))) {
            MessageStore store = new MessageStore(storage);
            store.migrate();
            ConversationKey key = new ConversationKey(new AccountId("me"), JidCreate.bareFrom("alice@localhost"));
            long filling = System.nanoTime();
            for (int i = 0; i < size; i++) {
                store.insertWire(new WireMessage(key, i % 3 == 0, Optional.of("phone"), "message number " + i,
                        Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L), Optional.of("id-" + i), Optional.of("o-" + i),
                        Optional.empty()));
            }
            System.out.printf("   (stored %,d messages one by one through the plugin's store in %.1f s)%n", size,
                    (System.nanoTime() - filling) / 1e9);
        }
        // Reopen, as a new start of the app would: the first page is read from a cold database.
        try (H2TestStorage storage = fileStorage(work.resolve("large"))) {
            MessageStore store = new MessageStore(storage);
            ConversationKey key = new ConversationKey(new AccountId("me"), JidCreate.bareFrom("alice@localhost"));
            long cold = System.nanoTime();
            List<StoredMessage> page = store.newest(key, 100);
            double coldMs = (System.nanoTime() - cold) / 1e6;
            List<Double> warm = millisEach(20, () -> store.newest(key, 100));
            long older = System.nanoTime();
            store.before(page.getFirst(), 100);
            double olderMs = (System.nanoTime() - older) / 1e6;
            System.out.printf("2. conversation of %,d messages: newest page (100) read from H2 in %.1f ms cold, %.2f ms warm (median of 20, %s);"
                    + " the page before it %.2f ms (the database read only; on screen: ChatScreenBench)%n", size, coldMs, median(warm),
                    range(warm), olderMs);
            jumps(store, key, size);
        }
    }

    /**
     * A search result's place far from the newest message: the shell reads half a page before it and half a
     * page after it ({@code ConversationModel.jumpTo}), then a page after that as the user scrolls down.
     */
    private static void jumps(MessageStore store, ConversationKey key, int size) {
        List<StoredMessage> newest = store.newest(key, 1);
        for (double fraction : new double[] {0.01, 0.5, 0.99}) {
            int back = (int) (size * (1 - fraction));
            // Walk down to the target in pages, as scrolling up would (this part is not timed).
            StoredMessage target = newest.getFirst();
            while (back > 0) {
                List<StoredMessage> page = store.before(target, Math.min(back, 1000));
                target = page.getFirst();
                back -= page.size();
            }
            List<Double> afterMs = new ArrayList<>();
            List<Double> beforeMs = new ArrayList<>();
            // Eleven neighbouring targets: H2 answers a repeated identical query from its result cache.
            for (StoredMessage around : store.before(target, 11)) {
                long t = System.nanoTime();
                store.before(around, 50);
                beforeMs.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                List<StoredMessage> after = store.after(around, 50);
                afterMs.add((System.nanoTime() - t) / 1e6);
                if (after.size() != 50) {
                    throw new IllegalStateException("after() returned " + after.size() + " messages, not 50");
                }
            }
            System.out.printf("   jump to message %,d of %,d: half page before %.2f ms, half page after %.2f ms (median of 11, %s)%n",
                    (int) (size * fraction), size, median(beforeMs), median(afterMs), range(afterMs));
        }
    }

    // ---- 3. full-text search over a large history ---------------------------------------------------------

    /** {@code burst}: how many messages wait for the index in the second round of queries, as right after a burst. */
    private static void search(Path work, int size, int burst) throws Exception {
        if (Files.exists(work.resolve("search.mv.db"))) {
            System.out.printf("   (reusing the search database in %s)%n", work);
        } else {
            fillSearch(work, size);
        }
        querySearch(work, size, burst);
    }

    private static void fillSearch(Path work, int size) throws Exception {
        Random random = new Random(6);
        try (H2TestStorage storage = fileStorage(work.resolve("search"))) {
            MessageStore store = new MessageStore(storage);
            store.migrate();
            long filling = System.nanoTime();
            storage.inTransaction(connection -> {
                insertSentences(connection, random, size, 0);
                // Written straight into the table: queue them for the index as the store does for each message.
                try (PreparedStatement queue = connection.prepareStatement("INSERT INTO SEARCH_PENDING (MESSAGE_ID) SELECT ID FROM MESSAGE")) {
                    queue.executeUpdate();
                }
                return null;
            });
            double storeSeconds = (System.nanoTime() - filling) / 1e9;
            SearchIndex index = new SearchIndex(storage, store);
            long indexing = System.nanoTime();
            index.catchUp();
            System.out.printf("   (%,d messages written in %.1f s, indexed in %.1f s)%n", size, storeSeconds,
                    (System.nanoTime() - indexing) / 1e9);
        }
    }

    private static void querySearch(Path work, int size, int burst) throws Exception {
        try (H2TestStorage storage = fileStorage(work.resolve("search"))) {
            MessageStore store = new MessageStore(storage);
            long migrating = System.nanoTime();
            store.migrate(); // a reused database may predate the newest migrations
            System.out.printf("   (migrations on opening: %.1f s)%n", (System.nanoTime() - migrating) / 1e9);
            SearchIndex index = new SearchIndex(storage, store);
            timeQueries(index, size, "");
            // Right after a burst: its messages are stored and wait for the index (which waits for a pause);
            // the search reads and splits them itself. Removed again afterwards, so the database stays reusable.
            long newest = storage.withConnection(connection -> {
                try (var rows = connection.createStatement().executeQuery("SELECT MAX(ID) FROM MESSAGE")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            storage.inTransaction(connection -> {
                insertSentences(connection, new Random(7), burst, size);
                try (PreparedStatement queue = connection.prepareStatement("INSERT INTO SEARCH_PENDING (MESSAGE_ID) SELECT ID FROM MESSAGE WHERE ID > ?")) {
                    queue.setLong(1, newest);
                    queue.executeUpdate();
                }
                return null;
            });
            try {
                timeQueries(index, size + burst, String.format(", the newest %,d not indexed yet (just after a burst)", burst));
            } finally {
                storage.inTransaction(connection -> {
                    try (var statement = connection.createStatement()) {
                        statement.execute("DELETE FROM SEARCH_PENDING WHERE MESSAGE_ID > " + newest);
                        statement.execute("DELETE FROM MESSAGE WHERE ID > " + newest);
                    }
                    return null;
                });
            }
        }
    }

    private static void timeQueries(SearchIndex index, int size, String label) {
        // Rare, rare pair, common, common pair, absent, mid pair, the two commonest, common + rare.
        String[] queries = {"pineapple", "harbour friday", "water", "people house", "zanzibar", "sentence best", "the of",
                "the pineapple"};
        for (String query : queries) {
            long t = System.nanoTime();
            int found = index.search(query, 50).size();
            double first = (System.nanoTime() - t) / 1e6;
            List<Double> again = millisEach(10, () -> index.search(query, 50));
            System.out.printf("3. search over %,d messages%s for \"%s\": first page (%d hits) in %.1f ms first time, %.2f ms median of 10 (%s)"
                    + " (target < 100 ms)%n", size, label, query, found, first, median(again), range(again));
        }
    }

    /** Messages {@code from} to {@code from + count - 1} of the search database, one a second, 200 contacts in turn. */
    private static void insertSentences(java.sql.Connection connection, Random random, int count, int from) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO MESSAGE (ACCOUNT, PEER, OUTGOING, BODY, AT_MILLIS, DEDUPE_KEY, STATE, UNREAD, SEQ)
                VALUES ('me', ?, FALSE, ?, ?, ?, 'RECEIVED', FALSE, NEXT VALUE FOR MESSAGE_ORDER)""")) {
            for (int i = from; i < from + count; i++) {
                insert.setString(1, "contact" + (i % 200) + "@localhost");
                insert.setString(2, sentence(random, i));
                insert.setLong(3, 1_600_000_000_000L + i * 1000L);
                insert.setString(4, "o:" + i);
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** A message of 4–20 common words; one in 10,000 mentions a pineapple, one in 1,000 the harbour on friday. */
    private static String sentence(Random random, int i) {
        StringBuilder text = new StringBuilder();
        int words = 4 + random.nextInt(17);
        for (int w = 0; w < words; w++) {
            text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * WORDS.length / 3)]).append(' ');
        }
        if (i % 10_000 == 0) {
            text.append("pineapple ");
        }
        if (i % 1_000 == 0) {
            text.append("harbour friday");
        }
        return text.toString().strip();
    }

    /** "min–max" of {@code values}. */
    /** {@code action} run {@code times} times, each run's duration in milliseconds. */
    private static List<Double> millisEach(int times, Runnable action) {
        List<Double> millis = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        return millis;
    }

    private static String range(List<Double> values) {
        return String.format(Locale.ROOT, "min %.2f, max %.2f", Collections.min(values), Collections.max(values));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        return fallback;
    }

    /**
     * The plugin's store on an H2 file, as the shell keeps it since issue #6's kill test: every commit in
     * the file before it returns (WRITE_DELAY 0). Without it this harness measured a cheaper store than the
     * shell has (81% of raw Smack at 68a8840, against 49% for the shell on screen).
     */
    private static H2TestStorage fileStorage(Path file) {
        return H2TestStorage.file(file, storageSettings);
    }
}
