package welljabber.app.connection;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.iqversion.VersionManager;

import welljabber.app.Version;

/**
 * Smack's process-wide settings. Smack's first use loads and initializes hundreds of classes
 * (providers, managers), about a third of a second: the shell starts this on a background thread
 * while the window is built, and every connection waits for it before it creates anything.
 */
public final class SmackSetup {
    private static boolean done;

    private SmackSetup() {
    }

    public static synchronized void ensure() {
        if (done) {
            return;
        }
        // Contacts may not subscribe to our presence without the user saying yes (the roster plugin asks).
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.manual);
        // Peers learn the client and its version (XEP-0092), not the libraries inside it.
        VersionManager.setAutoAppendSmackVersion(false);
        VersionManager.setDefaultVersion("WellJabber", Version.current());
        SmackConfiguration.setDefaultReplyTimeout(10_000);
        done = true;
    }
}
