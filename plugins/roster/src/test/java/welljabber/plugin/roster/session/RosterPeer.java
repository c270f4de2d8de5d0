package welljabber.plugin.roster.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

import welljabber.api.account.AccountId;
import welljabber.api.storage.PluginStorage;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ContactBook;
import welljabber.plugin.roster.model.ContactKey;
import welljabber.plugin.roster.store.PersistentRosterStore;
import welljabber.testsupport.Poll;
import welljabber.testsupport.TestAccount;
import welljabber.testsupport.XmppTestClients;

/**
 * One account as the roster plugin runs it, minus the pane: a real connection, the plugin's
 * {@link AccountRoster} and {@link ContactOperations}, and what the listener heard.
 */
final class RosterPeer implements AccountRoster.Listener {
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestAccount account;
    final AccountId id;
    final XMPPTCPConnection connection;
    final ContactBook book = new ContactBook();
    final ContactOperations operations;
    final AccountRoster roster;
    final List<SubscriptionRequest> requests = new CopyOnWriteArrayList<>();
    final List<Jid> foreignPushes = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private RosterPeer(XmppTestClients clients, TestAccount account, String resource, PluginStorage storage) throws Exception {
        this.account = account;
        this.id = new AccountId(account.user());
        this.connection = clients.connection(clients.configBuilder(account.user(), account.password())
                .setResource(Resourcepart.from(resource)).build());
        if (storage != null) {
            Roster.getInstanceFor(connection).setRosterStore(PersistentRosterStore.open(id, storage, Runnable::run));
        }
        this.operations = new ContactOperations(executor, java.util.Locale.ROOT);
        this.roster = new AccountRoster(id, connection, book, this);
        operations.register(roster);
        roster.attach();
    }

    /** Connects, logs in and waits for the first roster, as the shell and the plugin do. */
    static RosterPeer online(XmppTestClients clients, TestAccount account, String resource, PluginStorage storage) throws Exception {
        RosterPeer peer = new RosterPeer(clients, account, resource, storage);
        peer.connection.connect().login();
        // Smack loads the roster at login; asking again would race that load.
        Roster roster = Roster.getInstanceFor(peer.connection);
        Poll.until(WAIT, roster::isLoaded, "the roster of " + account.user() + " never loaded");
        return peer;
    }

    static RosterPeer online(XmppTestClients clients, TestAccount account) throws Exception {
        return online(clients, account, "desk", null);
    }

    ContactKey key(TestAccount other) {
        return new ContactKey(id, other.jid());
    }

    Optional<Contact> contact(TestAccount other) {
        return book.get(key(other));
    }

    Contact awaitContact(TestAccount other, Predicate<Contact> condition, String what) throws InterruptedException {
        Poll.until(WAIT, () -> contact(other).filter(condition).isPresent(),
                () -> account.user() + " never saw " + other.user() + " " + what + "; has " + contact(other));
        return contact(other).orElseThrow();
    }

    void awaitGone(TestAccount other) throws InterruptedException {
        Poll.until(WAIT, () -> contact(other).isEmpty(), () -> other.user() + " is still in " + account.user() + "'s book");
    }

    SubscriptionRequest awaitRequestFrom(TestAccount other) throws InterruptedException {
        Poll.until(WAIT, () -> requests.stream().anyMatch(request -> request.from().equals(other.jid())),
                () -> account.user() + " got no request from " + other.user() + "; got " + requests);
        return requests.stream().filter(request -> request.from().equals(other.jid())).findFirst().orElseThrow();
    }

    static <T> T done(java.util.concurrent.CompletableFuture<T> operation) throws Exception {
        return operation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void subscriptionRequested(SubscriptionRequest request) {
        requests.add(request);
    }

    @Override
    public void foreignRosterPushIgnored(AccountId account, Jid from) {
        foreignPushes.add(from);
    }

    @Override
    public void presenceChanged(Contact contact) {
    }

    @Override
    public void blockListUnavailable(AccountId account, Exception cause) {
        throw new AssertionError("the block list should be readable from Prosody", cause);
    }
}
