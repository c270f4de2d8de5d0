package welljabber.app.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.app.ShellFixture;
import welljabber.app.account.TlsMode;

/**
 * The roster plugin measured inside the real shell, for {@code bench/roster}: the same window, the
 * same plugin loading and the same Smack connection a user gets. Nothing here asserts a time; it
 * returns what it measured and checks only that the work was really done (every row shown, every
 * presence applied).
 *
 * <p>The list's rows are the plugin's own records, which the app may not import; the harness reads
 * the group headers' {@code online=} counts from their {@code toString()} instead.
 */
public final class RosterPaneBench implements AutoCloseable {
    private static final Pattern ONLINE = Pattern.compile("^GroupRow\\[.*?online=(\\d+), total=(\\d+)", Pattern.DOTALL);

    private final FxRobot robot = new FxRobot();
    private final AccountSteps steps = new AccountSteps(robot);
    private final ShellFixture shell;
    private final AtomicLong requestedAt = new AtomicLong();
    private final AtomicLong shownAt = new AtomicLong();
    private volatile int expectedRows = Integer.MAX_VALUE;
    private ListView<?> list;
    private volatile long keystrokeStart;
    private final AtomicLong keystrokeDone = new AtomicLong();

    /** What one first login measured. */
    public record FirstLoad(long requestToShownNanos, long heapBytesAfter, long heapBytesBefore) {
    }

    /**
     * A presence burst: until every presence shows; the longest gap between two FX pulses meanwhile,
     * how much of that gap the FX thread itself spent on the CPU (the rest it waited: for the
     * renderer, or for a core on a busy machine), and the most CPU it spent between any two pulses.
     */
    public record Burst(long appliedNanos, long longestPulseGapNanos, long fxCpuInLongestGapNanos, long longestFxCpuBetweenPulsesNanos,
            int pulses) {
    }

    private RosterPaneBench(ShellFixture shell) {
        this.shell = shell;
    }

    /** Starts the shell on a fresh profile. */
    public static RosterPaneBench start() throws Exception {
        ShellFixture shell = ShellFixture.newProfile();
        shell.start();
        RosterPaneBench bench = new RosterPaneBench(shell);
        // From the moment Smack sends the roster request at login: the same start as the floor's
        // reloadAndWait(), which sends the same request on an authenticated connection.
        bench.shell.app().sessions().addSessionListener((account, jid, connection) ->
                connection.addStanzaInterceptor(stanza -> bench.requestedAt.compareAndSet(0, System.nanoTime()),
                        stanza -> stanza instanceof RosterPacket roster && roster.getType() == IQ.Type.get));
        ShellFixture.onFx(() -> {
            bench.list = bench.robot.lookup("#rosterList").queryAs(ListView.class);
            bench.list.getScene().addPostLayoutPulseListener(bench::afterLayout);
        });
        return bench;
    }

    private void afterLayout() {
        long now = System.nanoTime();
        if (shownAt.get() == 0 && list.getItems().size() >= expectedRows) {
            shownAt.set(now);
        }
        if (keystrokeStart != 0 && keystrokeDone.get() == 0) {
            keystrokeDone.set(now);
        }
    }

    /**
     * Adds the account through the account dialog and measures from Smack's roster request at login to the layout pass that shows all
     * {@code rows} rows (contacts plus group headers).
     */
    public FirstLoad connectAndWaitForRoster(String jid, String password, String host, int port, int rows) throws Exception {
        long heapBefore = usedHeapAfterGc();
        expectedRows = rows;
        // STARTTLS like the floor; the bench server's certificate is self-signed, so trust it once.
        steps.addAccount(jid, password, host, port, TlsMode.REQUIRED);
        steps.awaitTrustDialog();
        robot.clickOn("#trustOnce");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownAt.get() != 0);
        long took = shownAt.get() - requestedAt.get();
        if (requestedAt.get() == 0 || took <= 0) {
            throw new IllegalStateException("the roster showed before it was asked for");
        }
        return new FirstLoad(took, usedHeapAfterGc(), heapBefore);
    }

    /** Types {@code text} into the filter one character at a time, then deletes it; returns each keystroke's time to the next layout. */
    public List<Long> typeIntoFilter(String text) throws Exception {
        TextField filter = robot.lookup("#rosterFilter").queryAs(TextField.class);
        List<String> states = new ArrayList<>();
        for (int i = 1; i <= text.length(); i++) {
            states.add(text.substring(0, i));
        }
        for (int i = text.length() - 1; i >= 0; i--) {
            states.add(text.substring(0, i));
        }
        List<Long> times = new ArrayList<>();
        for (String state : states) {
            keystrokeDone.set(0);
            ShellFixture.onFx(() -> {
                keystrokeStart = System.nanoTime();
                filter.setText(state);
                Platform.requestNextPulse();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> keystrokeDone.get() != 0);
            times.add(keystrokeDone.get() - keystrokeStart);
            keystrokeStart = 0;
            Thread.sleep(30);
        }
        return times;
    }

    /** Something that makes the server send a burst of presences. */
    @FunctionalInterface
    public interface BurstSender {
        void send() throws Exception;
    }

    /** Runs {@code burst} and waits until {@code applied} holds; records every FX pulse meanwhile. */
    public Burst presenceBurst(BurstSender burst, java.util.function.BooleanSupplier applied) throws Exception {
        List<Long> frames = new ArrayList<>(4096);
        List<Long> fxCpu = new ArrayList<>(4096);
        var threads = ManagementFactory.getThreadMXBean();
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.add(System.nanoTime());
                fxCpu.add(threads.getCurrentThreadCpuTime());
            }
        };
        ShellFixture.onFx(pulses::start);
        Thread.sleep(200);
        int firstFrame = frames.size();
        long started = System.nanoTime();
        burst.send();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!applied.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("the burst was not shown within 120 s");
            }
            // Checking copies the rows on the FX thread: not too often, or the check is what blocks it.
            Thread.sleep(50);
        }
        long took = System.nanoTime() - started;
        ShellFixture.onFx(pulses::stop);
        long longest = 0;
        long cpuInLongest = 0;
        long mostCpu = 0;
        int from = Math.max(1, firstFrame);
        for (int i = from; i < frames.size(); i++) {
            long gap = frames.get(i) - frames.get(i - 1);
            long cpu = fxCpu.get(i) - fxCpu.get(i - 1);
            if (gap > longest) {
                longest = gap;
                cpuInLongest = cpu;
            }
            mostCpu = Math.max(mostCpu, cpu);
        }
        return new Burst(took, longest, cpuInLongest, mostCpu, frames.size() - from);
    }

    /**
     * The sum of the group headers' online counts; a contact in two groups would count twice, the
     * bench roster has one group each. Only the copy of the rows is taken on the FX thread; reading
     * them happens here, so the harness does not itself block the thread it measures.
     */
    public int onlineShown() {
        int online = 0;
        for (Object row : rowsCopy()) {
            if (row.getClass().getSimpleName().equals("GroupRow")) {
                Matcher matcher = ONLINE.matcher(row.toString());
                if (matcher.find()) {
                    online += Integer.parseInt(matcher.group(1));
                }
            }
        }
        return online;
    }

    private List<Object> rowsCopy() {
        List<Object> copy = new ArrayList<>();
        ShellFixture.onFx(() -> copy.addAll(list.getItems()));
        return copy;
    }

    /** How many rows' records contain {@code text}, for example a status only the last burst sent. */
    public int rowsContaining(String text) {
        int count = 0;
        for (Object row : rowsCopy()) {
            if (row.toString().contains(text)) {
                count++;
            }
        }
        return count;
    }

    public int rowsShown() {
        int[] rows = {0};
        ShellFixture.onFx(() -> rows[0] = list.getItems().size());
        return rows[0];
    }

    public static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        shell.close();
    }
}
