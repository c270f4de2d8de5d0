package welljabber.app.plugins;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;

import java.lang.module.ResolutionException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.tinylog.Logger;

import welljabber.api.plugin.ApiVersion;
import welljabber.api.plugin.Plugin;
import welljabber.app.i18n.Messages;

/**
 * Finds plugins: first those on the module path (the boot layer), then each jar, or folder of jars,
 * in the plugins folders, each in a module layer of its own over the layer that holds the api.
 * A separate layer and class loader per drop-in keeps plugins from seeing each other's internals
 * and lets each bring its own libraries. Whatever goes wrong with one jar is recorded against it
 * in a plain sentence; loading goes on with the next.
 */
public final class PluginLoader {
    /** Ids name files and database schemas, so they are kept to a safe alphabet. */
    private static final java.util.regex.Pattern VALID_ID = java.util.regex.Pattern.compile("[a-z][a-z0-9_.-]{0,40}");
    private final Messages messages;
    private final ModuleLayer parent;

    public PluginLoader(Messages messages) {
        this.messages = messages;
        ModuleLayer apiLayer = Plugin.class.getModule().getLayer();
        this.parent = apiLayer != null ? apiLayer : ModuleLayer.boot();
    }

    public List<PluginRecord> load(List<Path> pluginFolders) {
        List<PluginRecord> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Plugin plugin : providers(ServiceLoader.load(parent, Plugin.class), null, PluginOrigin.BUNDLED, "module path", found)) {
            accept(plugin, PluginOrigin.BUNDLED, ids, found);
        }
        for (Path folder : pluginFolders) {
            for (Path dropIn : entries(folder)) {
                loadDropIn(dropIn, ids, found);
            }
        }
        return found;
    }

    /**
     * Loads one drop-in jar or folder, for installing it while the shell runs: {@code takenIds} are
     * the ids already in use, which the drop-in may not take again. Returns its plugins and refusals.
     */
    public List<PluginRecord> loadOne(Path dropIn, Set<String> takenIds) {
        List<PluginRecord> found = new ArrayList<>();
        loadDropIn(dropIn, new HashSet<>(takenIds), found);
        return found;
    }

    private void loadDropIn(Path dropIn, Set<String> ids, List<PluginRecord> found) {
        PluginOrigin origin = PluginOrigin.dropIn(dropIn);
        String name = dropIn.getFileName().toString();
        ModuleLayer layer;
        try {
            ModuleFinder finder = ModuleFinder.of(dropIn);
            Set<String> roots = finder.findAll().stream()
                    .map(reference -> reference.descriptor().name()).collect(Collectors.toSet());
            if (roots.isEmpty()) {
                found.add(PluginRecord.broken(name, origin, messages.get("plugin.error.empty")));
                return;
            }
            Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            layer = parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        } catch (FindException corrupt) {
            Logger.warn(corrupt, "Cannot read plugin {}", dropIn);
            found.add(PluginRecord.broken(name, origin, messages.format("plugin.error.unreadable", rootMessage(corrupt))));
            return;
        } catch (ResolutionException unresolved) {
            Logger.warn(unresolved, "Cannot resolve plugin {}", dropIn);
            found.add(PluginRecord.broken(name, origin, messages.format("plugin.error.unresolved", unresolved.getMessage())));
            return;
        } catch (LayerInstantiationException | SecurityException clash) {
            Logger.warn(clash, "Cannot define plugin {}", dropIn);
            found.add(PluginRecord.broken(name, origin, messages.format("plugin.error.unresolved", clash.getMessage())));
            return;
        }
        List<Plugin> plugins = providers(ServiceLoader.load(layer, Plugin.class), layer, origin, name, found);
        if (plugins.isEmpty() && found.stream().noneMatch(r -> r.origin().equals(origin))) {
            found.add(PluginRecord.broken(name, origin, messages.get("plugin.error.noPlugin")));
        }
        plugins.forEach(plugin -> accept(plugin, origin, ids, found));
    }

    /** The plugins a service loader finds, only those defined in {@code layer} (a child layer also sees its parents'). */
    private List<Plugin> providers(ServiceLoader<Plugin> loader, ModuleLayer layer, PluginOrigin origin, String where,
            List<PluginRecord> found) {
        List<Plugin> plugins = new ArrayList<>();
        var iterator = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError broken) {
                Logger.warn(broken, "A plugin in {} cannot be listed", where);
                found.add(PluginRecord.broken(where, origin, messages.format("plugin.error.unresolved", broken.getMessage())));
                break;
            }
            if (layer != null && provider.type().getModule().getLayer() != layer) {
                continue;
            }
            try {
                plugins.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError failed) {
                Logger.warn(failed, "Plugin {} cannot be created", provider.type().getName());
                found.add(PluginRecord.broken(provider.type().getName(), origin,
                        messages.format("plugin.error.create", rootMessage(failed))));
            }
        }
        return plugins;
    }

    private void accept(Plugin plugin, PluginOrigin origin, Set<String> ids, List<PluginRecord> found) {
        String id;
        ApiVersion builtAgainst;
        try {
            id = plugin.id();
            builtAgainst = plugin.builtAgainst();
        } catch (RuntimeException | LinkageError broken) {
            found.add(PluginRecord.broken(plugin.getClass().getName(), origin, messages.format("plugin.error.create", rootMessage(broken))));
            return;
        }
        PluginRecord record = PluginRecord.loaded(plugin, origin);
        if (id == null || !VALID_ID.matcher(id).matches()) {
            found.add(record.refused(messages.format("plugin.error.id", String.valueOf(id))));
        } else if (!ApiVersion.running().canRun(builtAgainst)) {
            found.add(record.refused(messages.format("plugin.error.api", builtAgainst.toString(), ApiVersion.running().toString())));
        } else if (!ids.add(id)) {
            found.add(record.refused(messages.format("plugin.error.duplicate", id)));
        } else {
            found.add(record);
        }
    }

    private static List<Path> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) || name.endsWith(".jar")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            Logger.warn(e, "Cannot list plugins in {}", folder);
        }
        entries.sort(null);
        return entries;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

}
