package welljabber.api.plugin;

/**
 * A WellJabber plugin, found through {@link java.util.ServiceLoader}: declare it with
 * {@code provides welljabber.api.plugin.Plugin with ...} in the plugin's module-info.
 *
 * <p>The shell calls {@link #start} on the JavaFX application thread once the main window exists,
 * and {@link #stop} on the same thread when the plugin is disabled or the app closes. Both must
 * return quickly: network, database and file work belong on {@link PluginContext#background()}.
 */
public interface Plugin {

    /** A stable identifier, lower case, such as {@code roster}; also names the plugin's storage schema. */
    String id();

    /** The name users see, already localized if the plugin wishes. */
    String name();

    /** The plugin's own version, for Help → Plugins. */
    String version();

    /**
     * The version Maven (or {@code jar --module-version}) recorded in {@code pluginClass}'s module,
     * or {@code "dev"} when there is none, as in a plain folder of classes: a ready answer for
     * {@link #version()} that stays in step with the build.
     */
    static String moduleVersion(Class<? extends Plugin> pluginClass) {
        var descriptor = pluginClass.getModule().getDescriptor();
        return descriptor == null ? "dev" : descriptor.rawVersion().orElse("dev");
    }

    /**
     * The api this plugin was compiled against. Implement it as
     * {@code return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);} so the compiler records
     * the numbers in the plugin (see {@link ApiVersion}).
     */
    ApiVersion builtAgainst();

    default String author() {
        return "";
    }

    default String description() {
        return "";
    }

    /** Starts the plugin. Anything it throws is reported to the user and the plugin stays off. */
    void start(PluginContext context) throws Exception;

    /** Stops the plugin; the shell closes its contributions and subscriptions afterwards as well. */
    void stop();
}
