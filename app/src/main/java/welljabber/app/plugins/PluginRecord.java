package welljabber.app.plugins;

import java.util.Optional;

import welljabber.api.plugin.Plugin;

/**
 * What the shell knows about one plugin, or about a jar that failed to become one: then there is no
 * plugin instance, only the origin and the reason in a plain sentence.
 */
public record PluginRecord(Optional<Plugin> plugin, String id, String name, String version, String author,
        String apiVersion, PluginOrigin origin, PluginState state, Optional<String> problem) {

    static PluginRecord loaded(Plugin plugin, PluginOrigin origin) {
        return new PluginRecord(Optional.of(plugin), plugin.id(), plugin.name(), plugin.version(), plugin.author(),
                String.valueOf(plugin.builtAgainst()), origin, PluginState.LOADED, Optional.empty());
    }

    static PluginRecord broken(String name, PluginOrigin origin, String problem) {
        return new PluginRecord(Optional.empty(), "", name, "", "", "", origin, PluginState.FAILED, Optional.of(problem));
    }

    PluginRecord withState(PluginState newState, Optional<String> newProblem) {
        return new PluginRecord(plugin, id, name, version, author, apiVersion, origin, newState, newProblem);
    }
}
