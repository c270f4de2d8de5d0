package welljabber.app.plugins;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.collections.ObservableList;

import org.tinylog.Logger;

import welljabber.app.concurrent.SerialExecutor;
import welljabber.app.i18n.Messages;

/**
 * What Help → Plugins can do: disable and enable a plugin (remembered in {@link PluginStates}),
 * install a drop-in jar while the shell runs, and remove one. Call it on the FX thread: starting and
 * stopping happen there at once, file and database work one task at a time on the background
 * executor. Every operation completes on the FX thread with a plain sentence when something went
 * wrong, or empty.
 */
public final class PluginManager {
    private final PluginHost host;
    private final PluginLoader loader;
    private final PluginStates states;
    private final Messages messages;
    private final Path installFolder;
    private final Executor work;

    public PluginManager(PluginHost host, PluginLoader loader, PluginStates states, Messages messages, Path installFolder,
            Executor background) {
        this.host = host;
        this.loader = loader;
        this.states = states;
        this.messages = messages;
        this.installFolder = installFolder;
        this.work = new SerialExecutor(background);
    }

    /** All plugins and broken jars, as the host keeps them; changed on the FX thread only. */
    public ObservableList<PluginRecord> records() {
        return host.records();
    }

    /** Bundled plugins ship with the application; only drop-ins are files the user can remove. */
    public static boolean removable(PluginRecord record) {
        return record.origin().dropIn().isPresent();
    }

    /** Stops the plugin now and remembers not to start it again. */
    public CompletionStage<Optional<String>> disable(PluginRecord record) {
        PluginRecord disabled = host.disable(record);
        return remember(disabled.id(), false);
    }

    /** Starts the plugin now; only when it runs is it remembered as enabled, so a failing one stays off. */
    public CompletionStage<Optional<String>> enable(PluginRecord record) {
        PluginRecord enabled = host.enable(record);
        if (enabled.state() != PluginState.RUNNING) {
            return CompletableFuture.completedFuture(enabled.problem());
        }
        return remember(enabled.id(), true);
    }

    private CompletionStage<Optional<String>> remember(String id, boolean enabled) {
        return inBackground(() -> {
            try {
                states.setEnabled(id, enabled);
                return Optional.empty();
            } catch (RuntimeException failed) {
                Logger.error(failed, "Cannot remember that plugin {} is {}", id, enabled ? "enabled" : "disabled");
                return Optional.of(messages.format("plugins.error.remember", reason(failed)));
            }
        });
    }

    /**
     * Copies {@code jar} into the profile's plugins folder, loads it into a layer of its own and starts
     * it. A jar the loader refuses (no plugin, another api, a taken id) is deleted again: it would
     * only be refused once more at every start.
     */
    public CompletionStage<Optional<String>> install(Path jar) {
        Set<String> taken = host.takenIds();
        return CompletableFuture.supplyAsync(() -> copyAndLoad(jar, taken), work).thenApplyAsync(found -> {
            if (found.problem().isPresent()) {
                return found.problem();
            }
            host.add(found.records());
            return Optional.<String>empty();
        }, Platform::runLater);
    }

    private record Installed(List<PluginRecord> records, Optional<String> problem) {
        static Installed refused(String problem) {
            return new Installed(List.of(), Optional.of(problem));
        }
    }

    private Installed copyAndLoad(Path jar, Set<String> taken) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar") || !Files.isRegularFile(jar)) {
            return Installed.refused(messages.get("plugins.install.notJar"));
        }
        Path target = installFolder.resolve(name);
        try {
            Files.createDirectories(installFolder);
            Files.copy(jar, target);
        } catch (FileAlreadyExistsException exists) {
            return Installed.refused(messages.format("plugins.install.exists", name));
        } catch (IOException failed) {
            Logger.warn(failed, "Cannot copy {} into {}", jar, installFolder);
            return Installed.refused(messages.format("plugins.install.copy", reason(failed)));
        }
        List<PluginRecord> found;
        try {
            found = loader.loadOne(target, taken);
        } catch (RuntimeException | LinkageError failed) {
            Logger.warn(failed, "Cannot load the installed plugin {}", target);
            found = List.of(PluginRecord.broken(name, PluginOrigin.dropIn(target),
                    messages.format("plugin.error.unreadable", reason(failed))));
        }
        if (found.stream().noneMatch(record -> record.state() == PluginState.LOADED)) {
            deleteQuietly(target);
            return Installed.refused(found.stream().flatMap(record -> record.problem().stream()).findFirst()
                    .orElse(messages.get("plugin.error.noPlugin")));
        }
        for (PluginRecord record : found) {
            if (record.startable()) {
                forgetQuietly(record.id());
            }
        }
        Logger.info("Installed plugin {} from {}", target, jar);
        return new Installed(found, Optional.empty());
    }

    /** Stops every plugin of the record's jar or folder, takes them off the list, and deletes the files. */
    public CompletionStage<Optional<String>> remove(PluginRecord record) {
        Path files = record.origin().dropIn().orElseThrow(() -> new IllegalArgumentException("Bundled plugins cannot be removed"));
        List<PluginRecord> fromThere = host.records().stream().filter(r -> r.origin().equals(record.origin())).toList();
        fromThere.forEach(host::remove);
        List<String> ids = fromThere.stream().filter(PluginRecord::startable).map(PluginRecord::id).toList();
        return inBackground(() -> {
            ids.forEach(this::forgetQuietly);
            try {
                deleteTree(files);
                Logger.info("Removed plugin files {}", files);
                return Optional.empty();
            } catch (IOException | RuntimeException failed) {
                Logger.warn(failed, "Cannot delete {}", files);
                return Optional.of(messages.format("plugins.remove.failed", reason(failed)));
            }
        });
    }

    /** Waits briefly for choices still being written, then stops every plugin; for shutdown. */
    public void stopAll() {
        try {
            CompletableFuture.runAsync(() -> { }, work).get(3, TimeUnit.SECONDS);
        } catch (Exception notFinished) {
            Logger.warn(notFinished, "Plugin changes were still being saved at shutdown");
        }
        host.stopAll();
    }

    private CompletionStage<Optional<String>> inBackground(Supplier<Optional<String>> task) {
        return CompletableFuture.supplyAsync(task, work).thenApplyAsync(result -> result, Platform::runLater);
    }

    private void forgetQuietly(String id) {
        try {
            states.forget(id);
        } catch (RuntimeException failed) {
            Logger.warn(failed, "Cannot forget the state of plugin {}", id);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException failed) {
            Logger.warn(failed, "Cannot delete the refused plugin {}", file);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
