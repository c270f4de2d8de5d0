package welljabber.api.plugin;

/**
 * Undoes one registration: an event subscription, a UI contribution, a service. Closing twice is
 * harmless, so plugins can close everything they hold in {@link Plugin#stop()} without bookkeeping.
 */
@FunctionalInterface
public interface Disposable extends AutoCloseable {
    @Override
    void close();
}
