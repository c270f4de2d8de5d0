package welljabber.plugin.chat.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Database writes of a background thread that can be stopped before the database closes: once stopped, no
 * write starts, and {@link #stop} waits for the one under way. Closing H2 under a running transaction left
 * its file unreadable ("File corrupted while reading record", "Double mark", seen on CI as a client quit in
 * the middle of a burst).
 */
public final class StoppableWrites {
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean stopped;

    /** Runs {@code write} (one transaction) unless stopped; empty when stopped, and then nothing ran. */
    public <T> Optional<T> run(Supplier<T> write) {
        writing.lock();
        try {
            return stopped ? Optional.empty() : Optional.ofNullable(write.get());
        } finally {
            writing.unlock();
        }
    }

    public boolean stopped() {
        return stopped;
    }

    /** No write starts from now on; waits up to {@code patience} for the one under way. True when none is. */
    public boolean stop(Duration patience) throws InterruptedException {
        stopped = true;
        if (!writing.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        writing.unlock();
        return true;
    }
}
