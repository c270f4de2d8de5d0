package welljabber.app.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import welljabber.api.prefs.PluginPreferences;

/** Preferences in a properties file, written through a temp file so a crash never leaves half of it. */
public final class FilePreferences implements PluginPreferences {
    private final Path file;
    private final Properties values = new Properties();

    public FilePreferences(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read settings " + file, e);
            } catch (IllegalArgumentException corrupt) {
                // A damaged settings file must not keep the app from starting: keep a copy, start afresh.
                values.clear();
                try {
                    Files.copy(file, file.resolveSibling(file.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // the copy is a courtesy; the log says what happened
                }
                org.tinylog.Logger.warn("Settings file {} is damaged ({}); starting with defaults, copy kept as .corrupt",
                        file, corrupt.getMessage());
            }
        }
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    @Override
    public synchronized void remove(String key) {
        if (values.remove(key) != null) {
            save();
        }
    }

    /** Every value as it is now, for {@link #restore}. */
    public synchronized Map<String, String> snapshot() {
        Map<String, String> copy = new HashMap<>();
        values.stringPropertyNames().forEach(key -> copy.put(key, values.getProperty(key)));
        return Map.copyOf(copy);
    }

    /** Puts back the values of a {@link #snapshot}, in one write; nothing is written when nothing changed. */
    public synchronized void restore(Map<String, String> snapshot) {
        if (snapshot().equals(snapshot)) {
            return;
        }
        values.clear();
        values.putAll(snapshot);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, null);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings " + file, e);
        }
    }
}
