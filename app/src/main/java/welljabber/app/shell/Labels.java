package welljabber.app.shell;

import java.util.Locale;

import welljabber.api.connection.ConnectionState;
import welljabber.api.presence.PresenceKind;
import welljabber.app.i18n.Messages;

/** Localized names of the shell's enums, so every view says them the same way. */
final class Labels {
    private Labels() {
    }

    static String state(Messages messages, ConnectionState state) {
        return messages.get("state." + state.name().toLowerCase(Locale.ROOT));
    }

    static String presence(Messages messages, PresenceKind kind) {
        return messages.get("presence." + kind.name().toLowerCase(Locale.ROOT));
    }
}
