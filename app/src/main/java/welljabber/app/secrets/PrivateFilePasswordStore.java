package welljabber.app.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import welljabber.api.account.AccountId;

/**
 * Fallback when no keyring answers: a properties file readable and writable by the user only
 * (mode 600), in the config folder, outside the database. The values are Base64 only so that odd
 * characters survive the properties format; that is not encryption, and the UI says so.
 */
public final class PrivateFilePasswordStore implements PasswordStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;

    public PrivateFilePasswordStore(Path file) {
        this.file = file;
    }

    @Override
    public Kind kind() {
        return Kind.PRIVATE_FILE;
    }

    @Override
    public synchronized Optional<char[]> load(AccountId account) {
        String value = read().getProperty(account.value());
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8).toCharArray());
    }

    @Override
    public synchronized void save(AccountId account, String label, char[] password) {
        Properties properties = read();
        byte[] bytes = new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        properties.setProperty(account.value(), Base64.getEncoder().encodeToString(bytes));
        write(properties);
    }

    @Override
    public synchronized void delete(AccountId account) {
        Properties properties = read();
        if (properties.remove(account.value()) != null) {
            write(properties);
        }
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the password file " + file, e);
            }
        }
        return properties;
    }

    private void write(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            // Create the temp file with owner-only rights from the start: no moment where others could read it.
            Path temp = Files.createTempFile(file.getParent(), ".passwords", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "WellJabber remembered passwords. Keep this file private.");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the password file " + file, e);
        }
    }
}
