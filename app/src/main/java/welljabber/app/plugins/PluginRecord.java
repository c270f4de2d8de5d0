package welljabber.app.plugins;

import java.util.Optional;

import welljabber.api.plugin.Plugin;

/**
 * What the shell knows about one plugin, or about a jar that failed to become one: then there is no
 * plugin instance, only the origin and the reason in a plain sentence.
 */
public record PluginRecord(Optional<Plugin> plugin, String id, String name, String version, String author,
        String description, String apiVersion, PluginOrigin origin, PluginState state, Optional<String> problem) {

    static PluginRecord loaded(Plugin plugin, PluginOrigin origin) {
        return new PluginRecord(Optional.of(plugin), text(plugin::id), text(plugin::name), text(plugin::version), text(plugin::author),
                text(plugin::description), String.valueOf(plugin.builtAgainst()), origin, PluginState.LOADED, Optional.empty());
    }

    static PluginRecord broken(String name, PluginOrigin origin, String problem) {
        return new PluginRecord(Optional.empty(), "", name, "", "", "", "", origin, PluginState.FAILED, Optional.of(problem));
    }

    PluginRecord withState(PluginState newState, Optional<String> newProblem) {
        return new PluginRecord(plugin, id, name, version, author, description, apiVersion, origin, newState, newProblem);
    }

    /** Refused by the loader (id, api, duplicate): listed with the reason, but there is nothing to start. */
    PluginRecord refused(String reason) {
        return new PluginRecord(Optional.empty(), id, name, version, author, description, apiVersion, origin,
                PluginState.FAILED, Optional.of(reason));
    }

    PluginRecord withPlugin(Plugin fresh) {
        return new PluginRecord(Optional.of(fresh), id, name, version, author, description, apiVersion, origin, state, problem);
    }

    /** Whether it can be started and stopped: it loaded and the loader accepted it. */
    public boolean startable() {
        return plugin.isPresent();
    }

    /** Whether it is the same plugin as {@code other}, in whatever state. */
    public boolean samePlugin(PluginRecord other) {
        return id.equals(other.id) && name.equals(other.name) && origin.equals(other.origin);
    }

    /** Plugins are third-party code: a failing or null getter gives an empty text rather than no record. */
    private static String text(java.util.function.Supplier<String> getter) {
        try {
            String value = getter.get();
            return value == null ? "" : value;
        } catch (RuntimeException | LinkageError broken) {
            return "";
        }
    }
}
