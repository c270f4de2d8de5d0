package welljabber.app.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.tinylog.Logger;

import welljabber.api.event.Delivery;
import welljabber.api.event.EventBus;
import welljabber.api.plugin.Disposable;
import welljabber.app.concurrent.SerialExecutor;

/**
 * The shell's event bus. Publishing never blocks on subscribers: each delivery is handed to the FX
 * thread or to the subscriber's own serial background queue.
 */
public final class TypedEventBus implements EventBus {
    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();
    private final Executor fxThread;
    private final Executor background;

    /**
     * @param fxThread   runs a task on the JavaFX thread ({@code Platform::runLater} in the app)
     * @param background a shared pool; the bus serializes each subscriber's deliveries on top of it
     */
    public TypedEventBus(Executor fxThread, Executor background) {
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.background = Objects.requireNonNull(background, "background");
    }

    @Override
    public <E> Disposable subscribe(Class<E> type, Delivery delivery, Consumer<? super E> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(handler, "handler");
        Executor executor = delivery == Delivery.FX_THREAD ? fxThread : new SerialExecutor(background);
        Subscriber<E> subscriber = new Subscriber<>(type, handler, executor);
        subscribers.add(subscriber);
        return () -> {
            subscriber.active = false;
            subscribers.remove(subscriber);
        };
    }

    @Override
    public void publish(Object event) {
        Objects.requireNonNull(event, "event");
        for (Subscriber<?> subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    /** How many subscriptions are open; tests use it to see that closing one really removes it. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private static final class Subscriber<E> {
        private final Class<E> type;
        private final Consumer<? super E> handler;
        private final Executor executor;
        private volatile boolean active = true;

        Subscriber(Class<E> type, Consumer<? super E> handler, Executor executor) {
            this.type = type;
            this.handler = handler;
            this.executor = executor;
        }

        void offer(Object event) {
            if (!type.isInstance(event)) {
                return;
            }
            E typed = type.cast(event);
            executor.execute(() -> deliver(typed));
        }

        private void deliver(E event) {
            // An event queued before unsubscribe must not reach a subscriber that has gone.
            if (!active) {
                return;
            }
            try {
                handler.accept(event);
            } catch (RuntimeException | LinkageError | AssertionError failure) {
                Logger.error(failure, "A subscriber to {} failed on {}", type.getSimpleName(),
                        event.getClass().getSimpleName());
            }
        }
    }
}
