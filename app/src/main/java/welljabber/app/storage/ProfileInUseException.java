package welljabber.app.storage;

import java.nio.file.Path;

import welljabber.api.storage.StorageException;

/** Another process has this profile's database open: one WellJabber per profile. */
public final class ProfileInUseException extends StorageException {
    public ProfileInUseException(Path file, Throwable cause) {
        super("The database " + file + " is open in another process", cause);
    }
}
