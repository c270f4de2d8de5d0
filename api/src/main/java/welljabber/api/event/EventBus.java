package welljabber.api.event;

import java.util.function.Consumer;

import welljabber.api.plugin.Disposable;

/**
 * A typed publish/subscribe bus. A subscriber to a type also receives events of its subtypes, so
 * subscribing to an interface such as {@link AccountEvent} sees all events about accounts. A
 * subscriber that throws is logged; the others still receive the event.
 */
public interface EventBus {

    /** Calls {@code handler} for every event assignable to {@code type}; close the result to stop. */
    <E> Disposable subscribe(Class<E> type, Delivery delivery, Consumer<? super E> handler);

    /** Hands {@code event} to every matching subscriber and returns at once. */
    void publish(Object event);
}
