package welljabber.app.bench;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.Random;

import welljabber.api.account.AccountId;
import welljabber.app.profile.ProfilePaths;
import welljabber.app.storage.Database;
import welljabber.app.storage.SchemaStorage;

/**
 * A long conversation written straight into a stopped shell's database, in the chat plugin's own
 * tables (which the plugin created when the shell ran on this profile before): storing 100,000
 * messages one by one through the network would take minutes and measure nothing of interest here.
 */
final class BigHistory {
    /** The newest message's text, to recognise it on screen. */
    static final String NEWEST = "the newest message of the long conversation";
    /** What the plugin loads when a conversation opens (ConversationModel.PAGE). */
    static final int PAGE = 100;
    private static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be this from "
            + "have or by one had not but what all were when we there can an your which their said if do will each about how up "
            + "out them then she many some so these would other into has more her two like him see time could no make than first "
            + "harbour friday lunch water people house sentence best world school morning evening later tomorrow").split(" ");

    private BigHistory() {
    }

    /**
     * {@code count} messages with {@code peer}, a third of them ours, one a minute, the newest last; all
     * read. Written straight into the table, they are not queued for the search index (SEARCH_PENDING),
     * so indexing them does not run in the background while the benchmark measures (a user's index is
     * caught up long before).
     */
    static void fill(Path profile, AccountId account, String peer, int count) {
        ProfilePaths paths = ProfilePaths.resolve(Optional.of(profile), System.getenv());
        Random random = new Random(6);
        try (Database database = Database.open(paths.database())) {
            SchemaStorage chat = database.pluginStorage("chat");
            long start = System.currentTimeMillis() - count * 60_000L;
            chat.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO MESSAGE (ACCOUNT, PEER, OUTGOING, BODY, AT_MILLIS, DEDUPE_KEY, STATE, UNREAD, SEQ)
                        VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, NEXT VALUE FOR MESSAGE_ORDER)""")) {
                    for (int i = 0; i < count; i++) {
                        boolean ours = i % 3 == 0;
                        insert.setString(1, account.value());
                        insert.setString(2, peer);
                        insert.setBoolean(3, ours);
                        insert.setString(4, i == count - 1 ? NEWEST : sentence(random, i));
                        insert.setLong(5, start + i * 60_000L);
                        insert.setString(6, "bench:" + i);
                        insert.setString(7, ours ? "DELIVERED" : "RECEIVED");
                        insert.addBatch();
                        if (i % 10_000 == 9_999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
    }

    /** Message {@code i}: 3 to 30 words, so that some rows wrap onto more lines than others. */
    private static String sentence(Random random, int i) {
        StringBuilder text = new StringBuilder("message ").append(i).append(':');
        int words = 3 + random.nextInt(28);
        for (int w = 0; w < words; w++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
