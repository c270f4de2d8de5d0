package welljabber.plugin.serverinfo;

import java.util.Objects;

import welljabber.api.error.ErrorSentences;

/**
 * A server's software as it told us (XEP-0092). The texts come from the network, so they are kept
 * only after {@linkplain ErrorSentences#sanitize(String) sanitizing}.
 */
record Software(String name, String version, String os) {

    Software {
        name = ErrorSentences.sanitize(name);
        version = ErrorSentences.sanitize(version);
        os = ErrorSentences.sanitize(os);
    }

    /** "Prosody 0.12.3": name and version, whichever of them the server gave; may be empty. */
    String text() {
        if (name.isEmpty()) {
            return version;
        }
        return version.isEmpty() ? name : name + " " + version;
    }

    boolean isEmpty() {
        return text().isEmpty();
    }

    static Software of(String name, String version, String os) {
        return new Software(Objects.requireNonNullElse(name, ""), Objects.requireNonNullElse(version, ""),
                Objects.requireNonNullElse(os, ""));
    }
}
