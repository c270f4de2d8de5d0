package welljabber.plugin.chat.protocol;

import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.RosterEntry;
import welljabber.testsupport.ProsodySetup;

/**
 * The server setup of the chat tests: "me" and alice see each other's presence, so delivery receipts
 * flow between them (the plugin sends receipts only to contacts who see its presence).
 */
public final class MeAndAliceAreContacts implements ProsodySetup {
    @Override
    public void configure(ProsodyOptions.Builder options) {
        options.roster("me", RosterEntry.mutual("alice@localhost", "Alice"));
        options.roster("alice", RosterEntry.mutual("me@localhost", "Me"));
    }
}
