package welljabber.app.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import welljabber.api.event.Delivery;
import welljabber.api.plugin.Disposable;
import welljabber.app.FxToolkitStarter;

class TypedEventBusTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final TypedEventBus bus = new TypedEventBus(Platform::runLater, pool);

    interface Animal {
    }

    record Cat(String name) implements Animal {
    }

    record Dog(int number) implements Animal {
    }

    @BeforeAll
    static void startFx() {
        FxToolkitStarter.ensureStarted();
    }

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void fxSubscribersRunOnTheFxThreadAndBackgroundOnesDoNot() throws Exception {
        AtomicReference<Boolean> fx = new AtomicReference<>();
        AtomicReference<Boolean> background = new AtomicReference<>();
        CountDownLatch both = new CountDownLatch(2);
        bus.subscribe(Cat.class, Delivery.FX_THREAD, cat -> {
            fx.set(Platform.isFxApplicationThread());
            both.countDown();
        });
        bus.subscribe(Cat.class, Delivery.BACKGROUND, cat -> {
            background.set(Platform.isFxApplicationThread());
            both.countDown();
        });
        bus.publish(new Cat("Tom"));
        assertTrue(both.await(5, TimeUnit.SECONDS));
        assertTrue(fx.get(), "FX_THREAD delivery must run on the JavaFX thread");
        assertFalse(background.get(), "BACKGROUND delivery must not run on the JavaFX thread");
    }

    @Test
    void publishingFromTheFxThreadDoesNotWaitForBackgroundSubscribers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        bus.subscribe(Cat.class, Delivery.BACKGROUND, cat -> {
            await(release);
            delivered.countDown();
        });
        CountDownLatch published = new CountDownLatch(1);
        Platform.runLater(() -> {
            bus.publish(new Cat("Felix"));
            published.countDown();
        });
        assertTrue(published.await(5, TimeUnit.SECONDS), "publish blocked while a subscriber was busy");
        release.countDown();
        assertTrue(delivered.await(5, TimeUnit.SECONDS));
    }

    @Test
    void subscribersOfASupertypeSeeSubtypesAndOthersDoNot() throws Exception {
        List<Object> animals = new CopyOnWriteArrayList<>();
        List<Object> dogs = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        bus.subscribe(Animal.class, Delivery.BACKGROUND, animal -> {
            animals.add(animal);
            done.countDown();
        });
        bus.subscribe(Dog.class, Delivery.BACKGROUND, dog -> {
            dogs.add(dog);
            done.countDown();
        });
        bus.publish(new Cat("Tom"));
        bus.publish(new Dog(1));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(new Cat("Tom"), new Dog(1)), animals);
        assertEquals(List.of(new Dog(1)), dogs);
    }

    @Test
    void backgroundDeliveryKeepsOrderPerSubscriber() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1000);
        bus.subscribe(Dog.class, Delivery.BACKGROUND, dog -> {
            seen.add(dog.number());
            done.countDown();
        });
        for (int i = 0; i < 1000; i++) {
            bus.publish(new Dog(i));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, seen.get(i), "event " + i + " out of order");
        }
    }

    @Test
    void unsubscribedHandlersGetNothingMore() throws Exception {
        AtomicInteger count = new AtomicInteger();
        Disposable subscription = bus.subscribe(Dog.class, Delivery.BACKGROUND, dog -> count.incrementAndGet());
        CountDownLatch marker = new CountDownLatch(2);
        bus.subscribe(Dog.class, Delivery.BACKGROUND, dog -> marker.countDown());
        bus.publish(new Dog(1));
        awaitUntil(() -> count.get() == 1);
        subscription.close();
        bus.publish(new Dog(2));
        assertTrue(marker.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertEquals(1, count.get(), "a closed subscription still received an event");
        assertEquals(1, bus.subscriberCount());
        subscription.close();
        assertEquals(1, bus.subscriberCount(), "closing twice must be harmless");
    }

    @Test
    void aThrowingSubscriberDoesNotStopTheOthers() throws Exception {
        CountDownLatch others = new CountDownLatch(3);
        bus.subscribe(Cat.class, Delivery.BACKGROUND, cat -> others.countDown());
        bus.subscribe(Cat.class, Delivery.BACKGROUND, cat -> {
            throw new IllegalStateException("plugin bug");
        });
        bus.subscribe(Cat.class, Delivery.FX_THREAD, cat -> {
            throw new IllegalStateException("plugin bug on the FX thread");
        });
        bus.subscribe(Cat.class, Delivery.FX_THREAD, cat -> others.countDown());
        bus.subscribe(Cat.class, Delivery.BACKGROUND, cat -> others.countDown());
        bus.publish(new Cat("Tom"));
        assertTrue(others.await(5, TimeUnit.SECONDS), "subscribers after a throwing one were skipped");
        CountDownLatch again = new CountDownLatch(3);
        bus.subscribe(Cat.class, Delivery.BACKGROUND, cat -> again.countDown());
        bus.subscribe(Cat.class, Delivery.FX_THREAD, cat -> again.countDown());
        bus.subscribe(Cat.class, Delivery.FX_THREAD, cat -> again.countDown());
        bus.publish(new Cat("Garfield"));
        assertTrue(again.await(5, TimeUnit.SECONDS), "the bus stopped delivering after a subscriber threw");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
