package welljabber.api.storage;

/** The local database could not do what was asked; the message is meant for the log, not the user. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
