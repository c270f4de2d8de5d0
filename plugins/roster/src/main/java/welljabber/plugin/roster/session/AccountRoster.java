package welljabber.plugin.roster.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.blocking.AllJidsUnblockedListener;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.blocking.JidsBlockedListener;
import org.jivesoftware.smackx.blocking.JidsUnblockedListener;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.error.ErrorSentences;
import welljabber.api.presence.PresenceKind;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ContactBook;
import welljabber.plugin.roster.model.ContactKey;

/**
 * Keeps the contact book in step with one account's Smack {@link Roster}: roster loads and pushes,
 * presences, subscription requests and the block list. Attached when the shell creates the
 * connection (before login, so the roster store and the listeners are in place for the first
 * roster), detached when the shell drops it. Smack's threads call it; it only writes the book.
 */
public final class AccountRoster {
    private static final System.Logger LOG = System.getLogger(AccountRoster.class.getName());

    private final AccountId account;
    private final XMPPConnection connection;
    private final ContactBook book;
    private final Listener listener;
    private final Roster roster;
    private final BlockingCommandManager blocking;
    private final Watcher watcher = new Watcher();
    /** Smack's own roster push handler, which the guard hands every push from our own server to. */
    private IQRequestHandler smackPushHandler;

    /** What the plugin wants to hear about beyond the book. */
    public interface Listener {
        void subscriptionRequested(SubscriptionRequest request);

        /** A roster push from anyone but the account's own server was dropped (Smack refuses it too). */
        void foreignRosterPushIgnored(AccountId account, Jid from);

        /** The contact's best presence changed; {@code contact} is the book's new value. */
        void presenceChanged(Contact contact);

        /** The block list could not be read; blocked marks may be missing until the next login. */
        void blockListUnavailable(AccountId account, Exception cause);
    }

    public AccountRoster(AccountId account, XMPPConnection connection, ContactBook book, Listener listener) {
        this.account = account;
        this.connection = connection;
        this.book = book;
        this.listener = listener;
        this.roster = Roster.getInstanceFor(connection);
        this.blocking = BlockingCommandManager.getInstanceFor(connection);
    }

    public AccountId account() {
        return account;
    }

    public XMPPConnection connection() {
        return connection;
    }

    public Roster roster() {
        return roster;
    }

    public BlockingCommandManager blocking() {
        return blocking;
    }

    /** Registers every listener; call before the connection logs in. */
    public void attach() {
        roster.addRosterLoadedListener(watcher);
        roster.addRosterListener(watcher);
        roster.addSubscribeListener(watcher);
        roster.addPresenceEventListener(watcher);
        blocking.addJidsBlockedListener(watcher);
        blocking.addJidsUnblockedListener(watcher);
        blocking.addAllJidsUnblockedListener(watcher);
        smackPushHandler = connection.registerIQRequestHandler(new GuardedPushHandler());
        if (roster.isLoaded()) {
            watcher.onRosterLoaded(roster);
        }
    }

    public void detach() {
        roster.removeRosterLoadedListener(watcher);
        roster.removeRosterListener(watcher);
        roster.removeSubscribeListener(watcher);
        roster.removePresenceEventListener(watcher);
        blocking.removeJidsBlockedListener(watcher);
        blocking.removeJidsUnblockedListener(watcher);
        blocking.removeAllJidsUnblockedListener(watcher);
        if (smackPushHandler != null) {
            connection.registerIQRequestHandler(smackPushHandler);
        }
    }

    /**
     * Reads one contact from Smack's roster into the book again. Needed after a rename: Smack
     * changes its entry before the server's push arrives, so the push looks like no change and
     * Smack tells no listener.
     */
    public void refresh(BareJid jid) {
        refreshEntries(List.of(jid));
    }

    private ContactKey key(Jid jid) {
        return new ContactKey(account, jid.asBareJid());
    }

    private Contact fromEntry(RosterEntry entry) {
        List<String> groups = new ArrayList<>();
        for (RosterGroup group : entry.getGroups()) {
            groups.add(group.getName());
        }
        // Names come from our own roster, but another client or an "add back" may have put a
        // peer's nickname there: clean them like any text from the network.
        Contact contact = Contact.offline(key(entry.getJid()), ErrorSentences.sanitize(entry.getName()), groups,
                PresenceMapping.subscription(entry.getType(), entry.isSubscriptionPending(), entry.isApproved()));
        return withPresence(contact);
    }

    private Contact withPresence(Contact contact) {
        if (!contact.presenceTrusted()) {
            // Not subscribed (any more) or blocked: a presence still held is stale or was never ours to see.
            return contact.withPresence(PresenceKind.OFFLINE, "", List.of());
        }
        BareJid jid = contact.jid();
        Presence best = roster.getPresence(jid);
        return contact.withPresence(PresenceKind.of(best), PresenceMapping.status(best), PresenceMapping.resources(roster.getAvailablePresences(jid)));
    }

    private void refreshEntries(Collection<Jid> jids) {
        for (Jid jid : jids) {
            RosterEntry entry = roster.getEntry(jid.asBareJid());
            if (entry != null) {
                Contact fresh = fromEntry(entry);
                book.put(fresh);
                // The book kept what it knew (block mark, presence); whether that presence still
                // counts depends on the new subscription.
                book.update(fresh.key(), this::withPresence);
            }
        }
    }

    private void markBlocked(List<? extends Jid> jids, boolean blocked) {
        for (Jid jid : jids) {
            book.update(key(jid), contact -> blocked ? contact.withBlocked(true) : withPresence(contact.withBlocked(false)));
        }
    }

    private void readBlockList() {
        try {
            if (!blocking.isSupportedByServer()) {
                return;
            }
            List<Jid> blocked = blocking.getBlockList();
            for (Contact contact : book.snapshot(account)) {
                boolean isBlocked = blocked.contains(contact.jid());
                if (contact.blocked() != isBlocked) {
                    markBlocked(List.of(contact.jid()), isBlocked);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            listener.blockListUnavailable(account, e);
        }
    }

    /** One object for Smack's many listener interfaces, so attach/detach stay symmetrical. */
    private final class Watcher implements RosterLoadedListener, RosterListener, SubscribeListener, PresenceEventListener,
            JidsBlockedListener, JidsUnblockedListener, AllJidsUnblockedListener {

        @Override
        public void onRosterLoaded(Roster loaded) {
            List<Contact> contacts = new ArrayList<>();
            for (RosterEntry entry : loaded.getEntries()) {
                contacts.add(fromEntry(entry));
            }
            book.replaceAccount(account, contacts);
            // The block list marks contacts, so it is read once they exist.
            Thread.ofVirtual().name("blocklist-" + account).start(AccountRoster.this::readBlockList);
        }

        @Override
        public void onRosterLoadingFailed(Exception exception) {
            LOG.log(System.Logger.Level.WARNING, "The roster of " + account + " did not load", exception);
        }

        @Override
        public void entriesAdded(Collection<Jid> addresses) {
            fromPush(addresses);
        }

        @Override
        public void entriesUpdated(Collection<Jid> addresses) {
            fromPush(addresses);
        }

        /**
         * A roster push carries exactly one item (RFC 6121 §2.1.6; Smack refuses others); more at
         * once come from a whole roster result, which onRosterLoaded reads right after in one
         * pass. Reading those here too would double the work of a 5,000-contact login.
         */
        private void fromPush(Collection<Jid> addresses) {
            if (addresses.size() == 1) {
                refreshEntries(addresses);
            }
        }

        @Override
        public void entriesDeleted(Collection<Jid> addresses) {
            for (Jid jid : addresses) {
                book.remove(key(jid));
            }
        }

        @Override
        public void presenceChanged(Presence presence) {
            ContactKey key = key(presence.getFrom());
            if (book.update(key, AccountRoster.this::withPresence)) {
                book.get(key).ifPresent(listener::presenceChanged);
            }
        }

        @Override
        public SubscribeAnswer processSubscribe(Jid from, Presence subscribeRequest) {
            BareJid bare = from.asBareJid();
            book.update(key(bare), contact -> contact.withPendingIn(true));
            var nick = subscribeRequest.getExtension(Nick.QNAME);
            String nickname = nick instanceof Nick given ? ErrorSentences.sanitize(given.getName()) : "";
            listener.subscriptionRequested(new SubscriptionRequest(account, bare, nickname));
            // No answer now: the user decides in the pending list (the shell put Smack in manual mode).
            return null;
        }

        @Override
        public void presenceAvailable(FullJid address, Presence availablePresence) {
        }

        @Override
        public void presenceUnavailable(FullJid address, Presence presence) {
        }

        @Override
        public void presenceError(Jid address, Presence errorPresence) {
        }

        @Override
        public void presenceSubscribed(BareJid address, Presence subscribedPresence) {
        }

        @Override
        public void presenceUnsubscribed(BareJid address, Presence unsubscribedPresence) {
        }

        @Override
        public void onJidsBlocked(List<Jid> blockedJids) {
            markBlocked(blockedJids, true);
        }

        @Override
        public void onJidsUnblocked(List<Jid> unblockedJids) {
            markBlocked(unblockedJids, false);
        }

        @Override
        public void onAllJidsUnblocked() {
            markBlocked(book.snapshot(account).stream().map(Contact::jid).toList(), false);
        }
    }

    /**
     * Stands in front of Smack's roster push handler. Smack already refuses a push whose sender is
     * not our own bare address (RFC 6121 §2.1.6), but only logs it in its own words; IQ requests
     * never reach stanza listeners, so this decorator is the one place to see the attempt, log it
     * with the account, and tell the plugin. Everything else goes to Smack's handler unchanged.
     */
    private final class GuardedPushHandler extends AbstractIqRequestHandler {
        GuardedPushHandler() {
            super(RosterPacket.ELEMENT, RosterPacket.NAMESPACE, IQ.Type.set, IQRequestHandler.Mode.sync);
        }

        @Override
        public IQ handleIQRequest(IQ push) {
            Jid from = push.getFrom();
            var user = connection.getUser();
            if (from != null && user != null && !from.equals(user.asBareJid())) {
                LOG.log(System.Logger.Level.WARNING, "Ignored a roster push to " + account + " from " + from
                        + ": only the account's own server may change the contact list");
                listener.foreignRosterPushIgnored(account, from);
                return IQ.createErrorResponse(push, StanzaError.Condition.service_unavailable);
            }
            return smackPushHandler.handleIQRequest(push);
        }
    }
}
