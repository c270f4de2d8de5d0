package welljabber.api.plugin;

import java.util.Optional;

/**
 * Capability services by interface type, the way one plugin offers another a feature without
 * either importing the other: the interface lives in the api (or in a small api jar both read),
 * the implementation in the plugin that registers it.
 */
public interface ServiceRegistry {

    /** Offers {@code service} as {@code type}; closing the result withdraws it. */
    <T> Disposable register(Class<T> type, T service);

    /** The service currently offered as {@code type}, if any plugin offers one. */
    <T> Optional<T> lookup(Class<T> type);
}
