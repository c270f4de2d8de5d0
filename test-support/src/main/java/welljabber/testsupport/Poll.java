package welljabber.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something that happens on another thread (a presence, a message, a reconnection). */
public final class Poll {

    private Poll() {
    }

    /**
     * Waits until {@code condition} is true, checking every 10 ms.
     *
     * @throws AssertionError with {@code message} if it is still false after {@code timeout}
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> message) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message.get() + " (waited " + timeout.toMillis() + " ms)");
            }
            Thread.sleep(10);
        }
    }

    /** {@link #until(Duration, BooleanSupplier, Supplier)} with a fixed message. */
    public static void until(Duration timeout, BooleanSupplier condition, String message) throws InterruptedException {
        until(timeout, condition, () -> message);
    }
}
