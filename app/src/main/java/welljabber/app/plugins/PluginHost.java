package welljabber.app.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.tinylog.Logger;

import welljabber.api.connection.XmppSessions;
import welljabber.api.event.EventBus;
import welljabber.api.plugin.Plugin;
import welljabber.api.plugin.ServiceRegistry;
import welljabber.api.ui.UiContributions;
import welljabber.app.i18n.Messages;
import welljabber.app.storage.Database;

/**
 * Starts and stops the plugins the loader found, each with its own context, on the FX thread.
 * A plugin that throws in {@code start} is marked failed with a plain sentence, its registrations
 * are undone, and the others go on.
 */
public final class PluginHost {

    /** What every plugin context shares. */
    public record Shared(EventBus events, XmppSessions sessions, Database database, UiContributions ui,
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

    /** Starts every loaded plugin; returns the records that failed (at load or start) for the report. */
    public List<PluginRecord> startAll() {
        for (int i = 0; i < records.size(); i++) {
            PluginRecord record = records.get(i);
            if (record.state() == PluginState.LOADED && record.plugin().isPresent()) {
                records.set(i, start(record, record.plugin().get()));
            }
        }
        return records.stream().filter(r -> r.state() == PluginState.FAILED).toList();
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

    /** Stops running plugins, newest first, and undoes what each registered. */
    public void stopAll() {
        List<PluginRecord> running = new ArrayList<>(records.filtered(r -> r.state() == PluginState.RUNNING));
        java.util.Collections.reverse(running);
        for (PluginRecord record : running) {
            try {
                record.plugin().ifPresent(Plugin::stop);
            } catch (RuntimeException | LinkageError failure) {
                Logger.error(failure, "Plugin {} failed to stop", record.id());
            }
            HostedPluginContext context = contexts.remove(record.id());
            if (context != null) {
                context.closeAll();
            }
            int index = records.indexOf(record);
            if (index >= 0) {
                records.set(index, record.withState(PluginState.STOPPED, Optional.empty()));
            }
        }
    }
}
