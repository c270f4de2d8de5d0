package welljabber.app.logging;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.tinylog.configuration.Configuration;

/**
 * Tinylog set-up, done once before anything logs: a rotating file in the profile's log folder, the
 * stanza log in a file of its own, and Smack's java.util.logging output bridged into the same files.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(Path logFolder, boolean console) {
        Map<String, String> settings = new HashMap<>();
        String folder = logFolder.toAbsolutePath().toString().replace("\\", "/");
        settings.put("writer1", "rolling file");
        settings.put("writer1.file", folder + "/welljabber-{count}.log");
        settings.put("writer1.latest", folder + "/welljabber.log");
        settings.put("writer1.policies", "startup, size: 10mb");
        settings.put("writer1.backups", "5");
        settings.put("writer1.level", "info");
        settings.put("writer1.tag", "-");
        settings.put("writer1.format", "{date: yyyy-MM-dd HH:mm:ss.SSS} {level} [{thread}] {class-name}: {message}");
        settings.put("writer2", "rolling file");
        settings.put("writer2.file", folder + "/stanzas-{count}.log");
        settings.put("writer2.policies", "startup, size: 20mb");
        settings.put("writer2.backups", "3");
        settings.put("writer2.tag", StanzaLogDebugger.TAG);
        settings.put("writer2.format", "{date: HH:mm:ss.SSS} {message}");
        if (console) {
            settings.put("writer3", "console");
            settings.put("writer3.level", "info");
            settings.put("writer3.tag", "-");
            settings.put("writer3.format", "{date: HH:mm:ss.SSS} {level} {class-name}: {message}");
        }
        settings.put("writingthread", "true");
        settings.put("autoshutdown", "true");
        if (!Configuration.isFrozen()) {
            Configuration.replace(settings);
        }
        org.tinylog.jul.JulTinylogBridge.activate();
        java.util.logging.Logger.getLogger("org.jivesoftware").setLevel(java.util.logging.Level.INFO);
    }
}
