package welljabber.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where everything of one throwaway server lives: all inside one folder. */
record ProsodyLayout(Path folder) {

    Path configFile() {
        return folder.resolve("prosody.cfg.lua");
    }

    Path dataDirectory() {
        return folder.resolve("data");
    }

    Path certificateDirectory() {
        return folder.resolve("certs");
    }

    Path pidFile() {
        return folder.resolve("prosody.pid");
    }

    Path logFile() {
        return folder.resolve("prosody.log");
    }

    /** Prosody's own stdout and stderr (configuration errors land here, before logging is set up). */
    Path consoleFile() {
        return folder.resolve("prosody.console");
    }

    Path adminSocket() {
        return folder.resolve("prosody.sock");
    }

    Path pluginDirectory() {
        return folder.resolve("plugins");
    }

    Path uploadDirectory() {
        return folder.resolve("uploads");
    }

    void createDirectories(String domain) throws IOException {
        Files.createDirectories(dataDirectory().resolve(ProsodyNames.encode(domain)).resolve("accounts"));
        Files.createDirectories(dataDirectory().resolve(ProsodyNames.encode(domain)).resolve("roster"));
        Files.createDirectories(certificateDirectory());
    }
}
