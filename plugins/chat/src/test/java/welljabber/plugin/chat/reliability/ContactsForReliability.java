package welljabber.plugin.chat.reliability;

import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.RosterEntry;
import welljabber.testsupport.ProsodySetup;

/**
 * The server setup of the reliability tests: "me" and alice see each other's presence, so delivery
 * receipts flow between them. (JUnit creates it reflectively, and the test run opens only the
 * packages of the tests it runs, so the protocol tests keep their own copy in their package.)
 */
public final class ContactsForReliability implements ProsodySetup {
    @Override
    public void configure(ProsodyOptions.Builder options) {
        options.roster("me", RosterEntry.mutual("alice@localhost", "Alice"));
        options.roster("alice", RosterEntry.mutual("me@localhost", "Me"));
    }
}
