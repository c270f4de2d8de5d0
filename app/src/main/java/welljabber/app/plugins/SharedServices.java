package welljabber.app.plugins;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import welljabber.api.plugin.Disposable;
import welljabber.api.plugin.ServiceRegistry;

/** The capability services plugins offer each other; the newest offer of a type wins. */
public final class SharedServices implements ServiceRegistry {
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    @Override
    public <T> Disposable register(Class<T> type, T service) {
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service.getClass().getName() + " is not a " + type.getName());
        }
        services.put(type, service);
        return () -> services.remove(type, service);
    }

    @Override
    public <T> Optional<T> lookup(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}
