package welljabber.app.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.tinylog.Logger;

import welljabber.api.connection.XmppSessions;
import welljabber.api.event.EventBus;
import welljabber.api.plugin.Plugin;
import welljabber.api.plugin.ServiceRegistry;
import welljabber.app.i18n.Messages;
import welljabber.app.storage.Database;

/**
 * Starts and stops the plugins the loader found, each with its own context, on the FX thread:
 * all at start-up and shutdown, and one at a time when the user enables, disables, installs or
 * removes one. A plugin that throws in {@code start} is marked failed with a plain sentence, its
 * registrations are undone, and the others go on.
 */
public final class PluginHost {

    /** What every plugin context shares. */
    public record Shared(EventBus events, XmppSessions sessions, Database database, PluginUiHost ui,
            ServiceRegistry services, Executor background, Path configFolder, Path dataFolder, Locale locale) {
    }

    private final Shared shared;
    private final Messages messages;
    private final ObservableList<PluginRecord> records = FXCollections.observableArrayList();
    private final Map<String, HostedPluginContext> contexts = new HashMap<>();

    public PluginHost(Shared shared, Messages messages, List<PluginRecord> found) {
        this.shared = shared;
        this.messages = messages;
        records.setAll(found);
    }

    /** All plugins and broken jars, for Help → Plugins; changed on the FX thread only. */
    public ObservableList<PluginRecord> records() {
        return records;
    }

    /**
     * Starts every loaded plugin except those the user disabled; returns the records that failed (at
     * load or start) for the report.
     */
    public List<PluginRecord> startAll(Set<String> disabled) {
        for (int i = 0; i < records.size(); i++) {
            PluginRecord record = records.get(i);
            if (record.state() == PluginState.LOADED && record.plugin().isPresent()) {
                records.set(i, disabled.contains(record.id())
                        ? record.withState(PluginState.DISABLED, Optional.empty())
                        : start(record, record.plugin().get()));
            }
        }
        return records.stream().filter(r -> r.state() == PluginState.FAILED).toList();
    }

    /**
     * Starts a disabled (or failed) plugin again, with a fresh instance. Returns its new record:
     * running, or still disabled with the reason when {@code start} threw.
     */
    public PluginRecord enable(PluginRecord record) {
        int index = indexOf(record);
        PluginRecord current = records.get(index);
        if (current.state() == PluginState.RUNNING || current.plugin().isEmpty()) {
            return current;
        }
        Plugin plugin = fresh(current.plugin().get());
        PluginRecord started = start(current.withPlugin(plugin), plugin);
        PluginRecord result = started.state() == PluginState.RUNNING ? started
                : started.withState(PluginState.DISABLED, started.problem());
        records.set(index, result);
        return result;
    }

    /** Stops a plugin (undoing its registrations) and marks it disabled. */
    public PluginRecord disable(PluginRecord record) {
        int index = indexOf(record);
        PluginRecord result = stop(records.get(index)).withState(PluginState.DISABLED, Optional.empty());
        records.set(index, result);
        return result;
    }

    /** Lists plugins installed while the shell runs and starts those that loaded; returns them as they are now. */
    public List<PluginRecord> add(List<PluginRecord> found) {
        List<PluginRecord> added = new ArrayList<>();
        for (PluginRecord record : found) {
            added.add(record.state() == PluginState.LOADED && record.plugin().isPresent()
                    ? start(record, record.plugin().get()) : record);
        }
        records.addAll(added);
        return added;
    }

    /** Stops a plugin and drops it from the list. */
    public void remove(PluginRecord record) {
        int index = indexOf(record);
        stop(records.get(index));
        records.remove(index);
    }

    /** The ids plugins hold: another plugin may not take one of them. */
    public Set<String> takenIds() {
        return records.stream().filter(PluginRecord::startable).map(PluginRecord::id).collect(Collectors.toSet());
    }

    private int indexOf(PluginRecord record) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).samePlugin(record)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not a listed plugin: " + record.name());
    }

    private PluginRecord start(PluginRecord record, Plugin plugin) {
        HostedPluginContext context = new HostedPluginContext(shared, record.id());
        try {
            plugin.start(context);
            contexts.put(record.id(), context);
            Logger.info("Plugin {} {} started ({})", record.id(), record.version(),
                    record.origin().dropIn().map(Path::toString).orElse("bundled"));
            return record.withState(PluginState.RUNNING, Optional.empty());
        } catch (Exception | LinkageError failure) {
            Logger.error(failure, "Plugin {} failed to start", record.id());
            context.closeAll();
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return record.withState(PluginState.FAILED, Optional.of(messages.format("plugin.error.start", reason)));
        }
    }

    /** Stops {@code record} if it runs and undoes what it registered; returns it stopped (or as it was). */
    private PluginRecord stop(PluginRecord record) {
        if (record.state() != PluginState.RUNNING) {
            return record;
        }
        try {
            record.plugin().ifPresent(Plugin::stop);
        } catch (RuntimeException | LinkageError failure) {
            Logger.error(failure, "Plugin {} failed to stop", record.id());
        }
        HostedPluginContext context = contexts.remove(record.id());
        if (context != null) {
            context.closeAll();
        }
        Logger.info("Plugin {} stopped", record.id());
        return record.withState(PluginState.STOPPED, Optional.empty());
    }

    /** Stops running plugins, newest first, and undoes what each registered. */
    public void stopAll() {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).state() == PluginState.RUNNING) {
                records.set(i, stop(records.get(i)));
            }
        }
    }

    /**
     * A new instance from the same provider, so a plugin started again begins clean; the old
     * instance when the provider cannot be found again.
     */
    private static Plugin fresh(Plugin old) {
        ModuleLayer layer = old.getClass().getModule().getLayer();
        if (layer == null) {
            return old;
        }
        try {
            return ServiceLoader.load(layer, Plugin.class).stream().filter(provider -> provider.type() == old.getClass())
                    .findFirst().map(ServiceLoader.Provider::get).orElse(old);
        } catch (ServiceConfigurationError | RuntimeException | LinkageError failure) {
            Logger.warn(failure, "Plugin {} cannot be created again; starting the old instance", old.getClass().getName());
            return old;
        }
    }
}
