package welljabber.plugin.roster.model;

import java.util.Objects;

import welljabber.api.presence.PresenceKind;

/** One online device of a contact, as its latest presence describes it. */
public record ResourcePresence(String resource, PresenceKind kind, String status, int priority) {
    public ResourcePresence {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(kind, "kind");
        status = status == null ? "" : status;
    }
}
