package welljabber.plugin.roster.session;

import java.util.List;

import org.jivesoftware.smackx.blocking.AllJidsUnblockedListener;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.blocking.JidsBlockedListener;
import org.jivesoftware.smackx.blocking.JidsUnblockedListener;
import org.jxmpp.jid.Jid;

import welljabber.api.plugin.Disposable;

/**
 * Tells of every change to an account's block list while open. A view of the list must follow the
 * server's pushes (XEP-0191 §3.3, §4.3) rather than re-read after its own request: the server
 * answers the request before it pushes, and Smack's cached list changes only on the push, so a
 * re-read right after the answer can still show the old list. Pushes also bring changes made
 * on the user's other devices.
 */
final class BlockListWatch implements Disposable, JidsBlockedListener, JidsUnblockedListener, AllJidsUnblockedListener {
    private final BlockingCommandManager blocking;
    private final Runnable changed;

    BlockListWatch(BlockingCommandManager blocking, Runnable changed) {
        this.blocking = blocking;
        this.changed = changed;
        blocking.addJidsBlockedListener(this);
        blocking.addJidsUnblockedListener(this);
        blocking.addAllJidsUnblockedListener(this);
    }

    @Override
    public void onJidsBlocked(List<Jid> blockedJids) {
        changed.run();
    }

    @Override
    public void onJidsUnblocked(List<Jid> unblockedJids) {
        changed.run();
    }

    @Override
    public void onAllJidsUnblocked() {
        changed.run();
    }

    @Override
    public void close() {
        blocking.removeJidsBlockedListener(this);
        blocking.removeJidsUnblockedListener(this);
        blocking.removeAllJidsUnblockedListener(this);
    }
}
