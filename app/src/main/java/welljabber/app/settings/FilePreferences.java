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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import welljabber.api.prefs.PluginPreferences;

/**
 * Preferences in a properties file, written through a temp file so a crash never leaves half of it.
 *
 * <p>A change is kept at once and written in the background: settings change on the FX thread (a box ticked,
 * the window closing), and a write there cost up to 24 ms the first time in a process (0.3 ms after). Changes
 * that come faster than the writer are written together. {@link #flushAll} writes what waits; the shell
 * calls it as it exits. {@link #of} gives every part of the process the same instance of a file, so no
 * reader sees the file from before a change that is still to be written.
 */
public final class FilePreferences implements PluginPreferences {
    private static final Map<Path, FilePreferences> OPEN = new ConcurrentHashMap<>();
    /** One thread for every file: settings change a few times a minute at most. */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("welljabber-settings-writer").factory());

    static {
        // The shell flushes as it exits; this is for an exit it does not see (a signal, the session ending).
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("welljabber-settings-flush").unstarted(FilePreferences::flushAll));
    }

    private final Path file;
    private final Properties values = new Properties();
    private final Executor writer;
    /** Changed since the last write. Guarded by this. */
    private boolean unwritten;
    /** A background write is asked for and has not started. Guarded by this. */
    private boolean writeAsked;
    /** Held while writing, so that an older copy of the values is never written after a newer one. */
    private final Object writing = new Object();

    /** The preferences of {@code file}, the same instance for everyone in this process. */
    public static FilePreferences of(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), FilePreferences::new);
    }

    /** Writes every change still waiting, of every file opened with {@link #of}; returns when they are on disk. */
    public static void flushAll() {
        OPEN.values().forEach(FilePreferences::flush);
    }

    /**
     * The file as it is on disk now, read anew, not shared with the rest of the process: for tests of what a new
     * start would find. The app uses {@link #of}; two instances writing one file would overwrite each other.
     */
    FilePreferences(Path file) {
        this(file, WRITER);
    }

    /** {@code writer} runs the background writes (tests see them happen). */
    FilePreferences(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
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
        changed();
    }

    @Override
    public synchronized void remove(String key) {
        if (values.remove(key) != null) {
            changed();
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
        changed();
    }

    /** Writes the changes still waiting, on the calling thread; returns when they are on disk (or the write failed). */
    public void flush() {
        synchronized (writing) {
            Properties copy;
            synchronized (this) {
                if (!unwritten) {
                    return;
                }
                unwritten = false;
                copy = new Properties();
                copy.putAll(values);
            }
            try {
                write(copy);
            } catch (IOException | RuntimeException failed) {
                synchronized (this) {
                    unwritten = true; // the next change or flush tries again
                }
                org.tinylog.Logger.warn(failed, "Could not save settings {}; tried again at the next change and at exit", file);
            }
        }
    }

    /** Guarded by this. A write asked for and not started yet takes this change too. */
    private void changed() {
        unwritten = true;
        if (!writeAsked) {
            writeAsked = true;
            writer.execute(() -> {
                synchronized (this) {
                    writeAsked = false;
                }
                flush();
            });
        }
    }

    private void write(Properties copy) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                copy.store(out, null);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
