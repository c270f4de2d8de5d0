package welljabber.plugin.chat.conversation;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Hands work to the FX thread in batches: during a burst of thousands of messages one
 * {@code Platform.runLater} carries many updates instead of flooding the FX queue with one each, and
 * a batch stops after a few milliseconds so the window keeps drawing.
 */
final class FxQueue {
    /** How long one batch may hold the FX thread; well below a frame. */
    private static final long BATCH_NANOS = 8_000_000;

    private final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** Any thread. */
    void run(Runnable task) {
        work.add(task);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        long until = System.nanoTime() + BATCH_NANOS;
        Runnable task;
        while ((task = work.poll()) != null) {
            task.run();
            if (System.nanoTime() > until) {
                break;
            }
        }
        scheduled.set(false);
        if (!work.isEmpty() && scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }
}
