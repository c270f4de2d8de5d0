package welljabber.plugin.chat.protocol;

import java.util.Collection;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;

/**
 * Tells when the names the roster gives contacts change on one connection: when the roster arrives
 * (a tab opened from an xmpp: link at start-up names the contact by address until then) and when a
 * push renames, adds or removes contacts (another client of ours renamed them). The names themselves
 * are read from Smack's roster by whoever is told.
 *
 * <p>Not told: a rename made through this connection, since Smack changes its entry before the
 * server's push arrives and then sees no change.
 */
public final class RosterNames extends AbstractRosterListener implements RosterLoadedListener {
    private final AccountId account;
    private final Roster roster;
    /** Called with the account and the contacts whose names may have changed; empty means all of them. */
    private final BiConsumer<AccountId, Set<BareJid>> changed;

    private RosterNames(AccountId account, Roster roster, BiConsumer<AccountId, Set<BareJid>> changed) {
        this.account = account;
        this.roster = roster;
        this.changed = changed;
    }

    /** Starts watching {@code connection}'s roster; {@link #close()} stops. */
    public static RosterNames watch(AccountId account, XMPPConnection connection, BiConsumer<AccountId, Set<BareJid>> changed) {
        RosterNames watch = new RosterNames(account, Roster.getInstanceFor(connection), changed);
        watch.roster.addRosterListener(watch);
        watch.roster.addRosterLoadedListener(watch);
        return watch;
    }

    public void close() {
        roster.removeRosterListener(this);
        roster.removeRosterLoadedListener(this);
    }

    @Override
    public void onRosterLoaded(Roster loaded) {
        changed.accept(account, Set.of());
    }

    @Override
    public void onRosterLoadingFailed(Exception exception) {
        // Names stay as they are: the addresses.
    }

    @Override
    public void entriesAdded(Collection<Jid> addresses) {
        tell(addresses);
    }

    @Override
    public void entriesUpdated(Collection<Jid> addresses) {
        tell(addresses);
    }

    @Override
    public void entriesDeleted(Collection<Jid> addresses) {
        tell(addresses);
    }

    private void tell(Collection<Jid> addresses) {
        changed.accept(account, addresses.stream().map(Jid::asBareJid).collect(Collectors.toUnmodifiableSet()));
    }
}
