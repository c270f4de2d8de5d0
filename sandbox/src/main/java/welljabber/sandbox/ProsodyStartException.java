package welljabber.sandbox;

import java.io.Serial;

/** The throwaway server could not be started (or restarted); carries the end of Prosody's log. */
public class ProsodyStartException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String logTail;

    public ProsodyStartException(String message, String logTail, Throwable cause) {
        super(logTail == null || logTail.isBlank() ? message : message + "\n--- end of Prosody's log ---\n" + logTail, cause);
        this.logTail = logTail == null ? "" : logTail;
    }

    public ProsodyStartException(String message, String logTail) {
        this(message, logTail, null);
    }

    /** The last lines Prosody wrote (its log and console), or an empty string. */
    public String logTail() {
        return logTail;
    }
}
