package welljabber.app.plugins;

import java.nio.file.Path;
import java.util.Optional;

/** Where a plugin came from: bundled on the module path, or a drop-in jar or folder. */
public record PluginOrigin(Optional<Path> dropIn) {
    public static final PluginOrigin BUNDLED = new PluginOrigin(Optional.empty());

    public static PluginOrigin dropIn(Path path) {
        return new PluginOrigin(Optional.of(path));
    }

    public boolean bundled() {
        return dropIn.isEmpty();
    }
}
