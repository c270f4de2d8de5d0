package welljabber.app.ui;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javafx.application.Platform;

/**
 * Measures, while it runs, how long the FX thread keeps an event waiting: every 5 ms a task is posted
 * to it (as a key press or a click would be queued) and the time from posting to running is kept.
 * The longest such wait is how long the FX thread was unable to answer the user, whatever held it:
 * its own work, a garbage collection that stopped every thread, or no free core on a busy machine.
 * It does not depend on the pulse timer, which only decides when the next frame is drawn.
 * <p>
 * On Linux each wait over 50 ms is also taken apart with the FX thread's scheduler statistics: how much of
 * it the thread ran, how much it was ready but waited for a core; the rest it was not ready (a
 * stop-the-world pause of the JVM, or a lock).
 */
public final class FxEventLatencyProbe implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong longest = new AtomicLong();
    /** Stop-the-world collection time during the longest wait, as the collectors count it (whole ms). */
    private volatile long gcMillisInLongest;
    private final AtomicLong over50 = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final List<LongWait> longWaits = new CopyOnWriteArrayList<>();
    private volatile Path fxSchedstat;
    private volatile boolean running = true;
    private final Thread poster = Thread.ofPlatform().daemon().name("fx-event-latency-probe").start(this::post);

    private void post() {
        Platform.runLater(() -> fxSchedstat = ownSchedstat());
        while (running) {
            // One task in flight at a time: a second one queued behind a stuck first would only repeat its wait.
            long gcBefore = gcMillis();
            long[] fxBefore = schedstat();
            long postedAt = ManagementFactory.getRuntimeMXBean().getUptime();
            long posted = System.nanoTime();
            AtomicLong ran = new AtomicLong();
            Platform.runLater(() -> ran.set(System.nanoTime()));
            long queued = System.nanoTime();
            while (ran.get() == 0 && running) {
                LockSupport.parkNanos(200_000);
            }
            if (ran.get() != 0) {
                long waited = ran.get() - posted;
                if (waited > longest.get()) {
                    longest.set(waited);
                    gcMillisInLongest = gcMillis() - gcBefore;
                }
                if (waited > TimeUnit.MILLISECONDS.toNanos(50)) {
                    over50.incrementAndGet();
                    long[] fxAfter = schedstat();
                    longWaits.add(new LongWait(postedAt, waited, fxAfter[0] - fxBefore[0], fxAfter[1] - fxBefore[1],
                            gcMillis() - gcBefore, queued - posted));
                }
                answered.incrementAndGet();
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** Linux's statistics file of the calling thread, resolved to its thread id so that another thread can read it. */
    private static Path ownSchedstat() {
        try {
            return Path.of("/proc/thread-self/schedstat").toRealPath();
        } catch (IOException | UnsupportedOperationException notLinux) {
            return null;
        }
    }

    /** The FX thread's time on a core and time ready but waiting for one (ns), or -1s where the system has no such file. */
    private long[] schedstat() {
        Path file = fxSchedstat;
        if (file != null) {
            try {
                String[] fields = Files.readString(file).trim().split(" ");
                return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
            } catch (IOException | RuntimeException unreadable) {
                // fall through: the figures are only an explanation of a wait, not the wait itself
            }
        }
        return new long[] {-1, -1};
    }

    private long gcMillis() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    /**
     * What the probe saw: the longest wait (nanoseconds) and the collectors' time during it (ms; G1 counts
     * its pauses there, not its concurrent work), how many waits were over 50 ms, of how many.
     */
    public record Waits(long longestNanos, long gcMillisInLongest, long over50Ms, long events, List<LongWait> longWaits) {
    }

    /**
     * One wait over 50 ms: when it began (ms since the JVM started, as {@code -Xlog}'s uptime), how long it was,
     * how long the FX thread ran and how long it was ready but had no core (ns, from the post to a moment after
     * the task ran; negative where unknown), the collectors' pause time meanwhile (ms), and how long posting
     * took the probe's own thread (ns): time the wait counts while the FX thread, idle, had nothing queued yet.
     */
    public record LongWait(long atUptimeMillis, long waitedNanos, long fxRanNanos, long fxQueuedNanos, long gcMillis,
            long postingNanos) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f ms at %.3f s (FX ran %.1f, waited for a core %.1f, GC %d, posting took %.1f)",
                    waitedNanos / 1e6, atUptimeMillis / 1e3, fxRanNanos / 1e6, fxQueuedNanos / 1e6, gcMillis, postingNanos / 1e6);
        }
    }

    public Waits waits() {
        return new Waits(longest.get(), gcMillisInLongest, over50.get(), answered.get(), List.copyOf(longWaits));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poster.join();
    }
}
