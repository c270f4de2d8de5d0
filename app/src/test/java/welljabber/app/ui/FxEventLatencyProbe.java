package welljabber.app.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
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
 */
public final class FxEventLatencyProbe implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong longest = new AtomicLong();
    /** Stop-the-world collection time during the longest wait, as the collectors count it (whole ms). */
    private volatile long gcMillisInLongest;
    private final AtomicLong over50 = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile boolean running = true;
    private final Thread poster = Thread.ofPlatform().daemon().name("fx-event-latency-probe").start(this::post);

    private void post() {
        while (running) {
            // One task in flight at a time: a second one queued behind a stuck first would only repeat its wait.
            long gcBefore = gcMillis();
            long posted = System.nanoTime();
            AtomicLong ran = new AtomicLong();
            Platform.runLater(() -> ran.set(System.nanoTime()));
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
                }
                answered.incrementAndGet();
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    private long gcMillis() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    /**
     * What the probe saw: the longest wait (nanoseconds) and the collectors' time during it (ms; G1 counts
     * its pauses there, not its concurrent work), how many waits were over 50 ms, of how many.
     */
    public record Waits(long longestNanos, long gcMillisInLongest, long over50Ms, long events) {
    }

    public Waits waits() {
        return new Waits(longest.get(), gcMillisInLongest, over50.get(), answered.get());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poster.join();
    }
}
