package welljabber.api.presence;

import java.util.Objects;

/** What the user tells contacts about themself: a presence kind and an optional status message. */
public record OwnPresence(PresenceKind kind, String status) {
    public OwnPresence {
        Objects.requireNonNull(kind, "kind");
        status = status == null ? "" : status;
    }
}
