package welljabber.plugin.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class StoppableWritesTest {
    private final StoppableWrites writes = new StoppableWrites();

    @Test
    void aWriteRunsUntilStoppedAndNoneAfter() throws InterruptedException {
        assertEquals(Optional.of(1), writes.run(() -> 1));
        assertTrue(writes.stop(Duration.ZERO), "nothing was under way");
        AtomicBoolean ran = new AtomicBoolean();
        assertEquals(Optional.empty(), writes.run(() -> {
            ran.set(true);
            return 2;
        }));
        assertFalse(ran.get(), "a write started after the stop");
        assertTrue(writes.stopped());
    }

    @Test
    void stoppingWaitsForTheWriteUnderWay() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread writer = Thread.ofVirtual().start(() -> writes.run(() -> {
            inside.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));

        assertFalse(writes.stop(Duration.ofMillis(100)), "said no write was under way while one was");
        finish.countDown();
        assertTrue(writes.stop(Duration.ofSeconds(10)), "the write under way did not end");
        writer.join(Duration.ofSeconds(10));
    }
}
