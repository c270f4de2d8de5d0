package welljabber.plugin.chat.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Hands work to the FX thread in batches, at most one batch per frame (10 a second, 5 in a burst): during a burst of thousands
 * of messages one pulse carries many updates instead of flooding the FX queue with one each, and a
 * batch stops after a few milliseconds so the window keeps drawing. Batches run at the start of a
 * pulse (an animation timer runs while work waits): handed over with {@code Platform.runLater} as
 * it came, a burst made hundreds of small batches a second, each of which made the conversation's
 * list lay itself out again. Work may ask to finish what it started at the end of the batch
 * ({@link #atEndOfBatch}): a conversation adds a batch's messages to its list in one change.
 */
final class FxQueue {
    /** How long one batch may hold the FX thread; well below a frame. */
    private static final long BATCH_NANOS = 8_000_000;
    /**
     * At most one batch per this many nanoseconds (10 a second): each batch that adds messages makes the
     * conversation's list scroll, put its cells back and style them again, and the window be drawn again,
     * which in a burst cost more than the messages. A message after a quiet moment is still shown at the
     * next frame; only a burst is shown in steps of a tenth of a second, faster than anyone reads.
     */
    private static final long BATCH_INTERVAL_NANOS = 100_000_000;
    /**
     * With at least {@link #BURST_TASKS} tasks waiting (a burst: a conversation of people typing never brings
     * that many in a tenth of a second) a batch waits this long after the one before. The list's work per batch hardly
     * depends on how many messages it carries (it lays out the rows on screen either way), so fewer, larger
     * batches cut the FX thread's share of a burst by a quarter to a half (10,000 messages; BENCHMARKS.md, Chat,
     * session of 2026-11-29 18:27 UTC) while what the user does between bursts still shows within a tenth of a
     * second.
     */
    private static final long BURST_INTERVAL_NANOS = 200_000_000;
    private static final int BURST_TASKS = 50;

    private final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
    /** How many tasks {@link #work} holds (its size() walks the whole queue). */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Whether the timer runs (or is being started): set by whoever queues work first, cleared when it is done. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** FX thread only. */
    private final List<Runnable> endOfBatch = new ArrayList<>();
    private final AnimationTimer pulses = new AnimationTimer() {
        private long lastBatch = Long.MIN_VALUE / 2;

        @Override
        public void handle(long now) {
            long interval = waiting.get() >= BURST_TASKS ? BURST_INTERVAL_NANOS : BATCH_INTERVAL_NANOS;
            if (now - lastBatch >= interval) {
                lastBatch = now;
                drain();
            }
        }
    };

    /** Any thread. */
    void run(Runnable task) {
        work.add(task);
        waiting.incrementAndGet();
        wake();
    }

    /** Runs {@code finish} once the current batch's tasks have run; FX thread. */
    void atEndOfBatch(Runnable finish) {
        endOfBatch.add(finish);
        wake();
    }

    private void wake() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(pulses::start);
        }
    }

    private void drain() {
        long until = System.nanoTime() + BATCH_NANOS;
        Runnable task;
        try {
            while ((task = work.poll()) != null) {
                waiting.decrementAndGet();
                task.run();
                if (System.nanoTime() > until) {
                    break;
                }
            }
        } finally {
            List<Runnable> finishing = List.copyOf(endOfBatch);
            endOfBatch.clear();
            finishing.forEach(Runnable::run);
        }
        if (work.isEmpty() && endOfBatch.isEmpty()) {
            scheduled.set(false);
            pulses.stop();
            // Work queued between the check and the flag: its producer saw the flag set and left it to us.
            if (!work.isEmpty() && scheduled.compareAndSet(false, true)) {
                pulses.start();
            }
        }
    }
}
