package welljabber.app.ui;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jxmpp.jid.impl.JidCreate;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.api.account.AccountId;
import welljabber.api.chat.OpenChatRequested;
import welljabber.app.ShellFixture;
import welljabber.app.account.TlsMode;

/**
 * The chat plugin measured inside the real shell, for {@code bench/chat}: the same window, plugin
 * loading, database and Smack connection a user gets. Nothing here asserts a time; it returns what
 * it measured and checks only that the work was really done (every message stored, the newest one
 * on screen).
 *
 * <p>The list's rows are the plugin's own records, which the app may not import; the harness
 * recognises a message by its record's {@code toString()}, which contains its body.
 */
public final class ChatPaneBench implements AutoCloseable {
    private final FxRobot robot = new FxRobot();
    private final AccountSteps steps = new AccountSteps(robot);
    private final ShellFixture shell;
    /** Chat messages the shell's connection has received (the sender's window follows it). */
    private final AtomicLong received = new AtomicLong();
    /** Set by the layout watcher: when the awaited message was first laid out on screen. */
    private final AtomicLong shownAt = new AtomicLong();
    private volatile String awaitedBody;
    private volatile int awaitedItems;
    private Scene scene;
    /** FX thread only: what {@link #messagesInFront()} found last. */
    private javafx.scene.control.TabPane tabs;
    private javafx.scene.control.Tab listTab;
    private Node listInTab;
    private VirtualFlow<?> flowInList;

    /**
     * A burst: first send until the last message was in the shell's database (looked for every 20 ms, so
     * up to that much late), and until its cell was laid out; FX pulses meanwhile.
     */
    public record Burst(long firstSendToStoredNanos, long firstSendToShownNanos, FxPulseRecorder.Gaps gaps, FxPulseRecorder.Gaps idle,
            FxEventLatencyProbe.Waits eventWaits, FxEventLatencyProbe.Waits idleEventWaits, boolean windowFocused) {
    }

    private ChatPaneBench(ShellFixture shell) {
        this.shell = shell;
    }

    /** Starts the shell on {@code profile}, or on a fresh profile when it is null. */
    public static ChatPaneBench start(Path profile) throws Exception {
        ShellFixture shell = profile == null ? ShellFixture.newProfile() : ShellFixture.on(profile);
        shell.start();
        ChatPaneBench bench = new ChatPaneBench(shell);
        bench.shell.app().sessions().addSessionListener((account, jid, connection) ->
                // Synchronous, like the raw floor's counter: an asynchronous listener was one more task (and
                // thread hand-over) per message on the shell's side only.
                connection.addSyncStanzaListener(stanza -> bench.received.incrementAndGet(), MessageTypeFilter.CHAT));
        ShellFixture.onFx(() -> {
            bench.scene = ShellFixture.stage().getScene();
            bench.scene.addPostLayoutPulseListener(bench::afterLayout);
        });
        return bench;
    }

    public Path profile() {
        return shell.profile();
    }

    /** Adds the account through the account dialog, pins the server's certificate, waits until connected. */
    public AccountId connect(String jid, String password, String host, int port) throws TimeoutException {
        steps.addAccount(jid, password, host, port, TlsMode.REQUIRED);
        steps.awaitTrustDialog();
        // Pinned, so a restart on this profile connects without asking again.
        robot.clickOn("#trustAlways");
        return awaitConnected();
    }

    /** Waits until the shell's one account is connected (after a restart it connects by itself). */
    public AccountId awaitConnected() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !shell.app().sessions().connectedAccounts().isEmpty());
        return shell.app().sessions().connectedAccounts().getFirst();
    }

    /** Chat messages received on the shell's connection so far. */
    public long received() {
        return received.get();
    }

    /** Waits until the conversation list shows a message whose text contains {@code body}. */
    public void awaitShown(String body, int timeoutSeconds) throws TimeoutException {
        awaitedItems = 1;
        awaitedBody = body;
        shownAt.set(0);
        ShellFixture.onFx(() -> javafx.application.Platform.requestNextPulse());
        awaitLayout(timeoutSeconds);
        awaitedBody = null;
    }

    /**
     * Runs {@code send} (the burst) with every FX pulse recorded, until the newest message, containing
     * {@code lastBody}, is laid out on screen. (The list itself keeps a few pages while the user follows
     * the newest message; that every message was stored is the caller's to check, with {@link #stored}.)
     */
    public Burst burst(Runnable send, String lastBody, String peer, String lastStanzaId) throws Exception {
        boolean[] focused = {false};
        ShellFixture.onFx(() -> focused[0] = ShellFixture.stage().isFocused());
        AccountId account = shell.app().sessions().connectedAccounts().getFirst();
        // The same pulses with nothing happening, on the same machine a moment before: what the gaps are
        // without the burst (the renderer, a busy machine).
        FxPulseRecorder quiet = new FxPulseRecorder();
        quiet.start();
        long quietFrom = System.nanoTime() + 200_000_000L;
        FxEventLatencyProbe.Waits idleWaits;
        try (FxEventLatencyProbe idleProbe = new FxEventLatencyProbe()) {
            Thread.sleep(3200);
            idleWaits = idleProbe.waits();
        }
        FxPulseRecorder.Gaps idle = quiet.stop(quietFrom);
        FxPulseRecorder pulses = new FxPulseRecorder();
        pulses.start();
        Thread.sleep(200);
        shownAt.set(0);
        awaitedItems = 1;
        awaitedBody = lastBody;
        long started = System.nanoTime();
        AtomicLong storedAt = new AtomicLong();
        Thread watcher = Thread.ofVirtual().start(() -> {
            try (Connection connection = adminConnection();
                    PreparedStatement find = connection.prepareStatement(
                            "SELECT COUNT(*) FROM PLUGIN_CHAT.MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND STANZA_ID = ?")) {
                find.setString(1, account.value());
                find.setString(2, peer);
                find.setString(3, lastStanzaId);
                while (storedAt.get() == 0) {
                    try (ResultSet rows = find.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) > 0) {
                            storedAt.set(System.nanoTime());
                            return;
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FxEventLatencyProbe probe = new FxEventLatencyProbe();
        long took;
        try {
            send.run();
            awaitLayout(300);
            took = shownAt.get() - started;
        } finally {
            probe.close();
        }
        awaitedBody = null;
        watcher.join(TimeUnit.SECONDS.toMillis(30));
        return new Burst(storedAt.get() - started, took, pulses.stop(started), idle, probe.waits(), idleWaits, focused[0]);
    }

    /**
     * Asks for the conversation as the roster does (an {@link OpenChatRequested} on the FX thread) and
     * measures until the list shows the message containing {@code newestBody} laid out on screen.
     */
    public long open(AccountId account, String peer, String newestBody, int minimumItems) throws Exception {
        shownAt.set(0);
        awaitedItems = minimumItems;
        awaitedBody = newestBody;
        long[] asked = {0};
        var request = new OpenChatRequested(account, JidCreate.entityBareFrom(peer), Optional.empty());
        ShellFixture.onFx(() -> {
            asked[0] = System.nanoTime();
            shell.app().events().publish(request);
        });
        awaitLayout(60);
        awaitedBody = null;
        return shownAt.get() - asked[0];
    }

    /**
     * Waits for the layout watcher. The list's last scroll to the end can happen outside a pulse, so a
     * pulse is asked for now and then: without one the watcher would never look again (the time it then
     * records is that pulse's, a little late, never early). A timeout says what the list showed.
     */
    private void awaitLayout(int seconds) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                if (shownAt.get() == 0) {
                    javafx.application.Platform.requestNextPulse();
                }
                return shownAt.get() != 0;
            });
        } catch (TimeoutException e) {
            String[] state = {"no list"};
            ShellFixture.onFx(() -> {
                if (messagesInFront() instanceof ListView<?> list && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    IndexedCell<?> last = flow.getLastVisibleCell();
                    state[0] = list.getItems().size() + " items, last visible cell " + (last == null ? "none" : last.getIndex())
                            + ", newest " + (list.getItems().isEmpty() ? "-" : list.getItems().getLast());
                }
            });
            throw new TimeoutException("\"" + awaitedBody + "\" was not laid out on screen within " + seconds + " s: " + state[0]);
        }
    }

    /**
     * The message list of the conversation in front: other conversations' tabs have lists with the same id.
     * FX thread. Looked up again only when another tab comes to the front: this runs after every layout
     * pass, and searching the scene each time was a visible share of the FX thread's work in a burst.
     */
    private Node messagesInFront() {
        if (tabs == null && scene.lookup("#centreTabs") instanceof javafx.scene.control.TabPane found) {
            tabs = found;
        }
        javafx.scene.control.Tab selected = tabs == null ? null : tabs.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return null;
        }
        if (selected != listTab || listInTab == null) {
            listTab = selected;
            listInTab = selected.getContent().lookup("#chatMessages");
            flowInList = null;
        }
        return listInTab;
    }

    /** The flow of {@link #messagesInFront()}'s list, looked up once per list. FX thread. */
    private VirtualFlow<?> flowInFront(ListView<?> list) {
        if (flowInList == null && list.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            flowInList = found;
        }
        return flowInList;
    }

    /** After each layout pass: is the awaited message the last one, and is its cell on screen? */
    private void afterLayout() {
        String body = awaitedBody;
        if (body == null || shownAt.get() != 0) {
            return;
        }
        Node found = messagesInFront();
        if (!(found instanceof ListView<?> list) || list.getItems().size() < awaitedItems) {
            return;
        }
        Object newest = list.getItems().getLast();
        if (!(flowInFront(list) instanceof VirtualFlow<?> flow) || !newest.toString().contains(body)) {
            return;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last != null && last.getIndex() == list.getItems().size() - 1 && last.getItem() == newest && last.isVisible()) {
            shownAt.compareAndSet(0, System.nanoTime());
        }
    }

    /** Rows of the conversation with {@code peer} in the plugin's history, read from the shell's own database. */
    public int stored(String peer) throws SQLException {
        try (Connection connection = adminConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM PLUGIN_CHAT.MESSAGE WHERE PEER = ?")) {
            count.setString(1, peer);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** A connection to the running shell's database as its administrator (the same H2 engine in this JVM). */
    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + shell.paths().database().toAbsolutePath() + welljabber.app.storage.Database.URL_SETTINGS,
                "welljabber", "");
    }

    @Override
    public void close() throws TimeoutException {
        shell.close();
    }

    /** How many messages the open conversation's list holds (read on the FX thread). */
    public int itemCount() {
        int[] count = {0};
        ShellFixture.onFx(() -> {
            if (messagesInFront() instanceof ListView<?> list) {
                count[0] = list.getItems().size();
            }
        });
        return count[0];
    }
}
