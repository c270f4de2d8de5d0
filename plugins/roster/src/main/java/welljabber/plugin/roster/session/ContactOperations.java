package welljabber.plugin.roster.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.error.ErrorSentences;
import welljabber.api.plugin.Disposable;
import welljabber.plugin.roster.model.ContactKey;

/**
 * Everything the user can do to contacts, as network work on {@code executor}: each call returns a
 * future that fails with a {@link UserFacingException} whose message is a plain sentence for the
 * user (from the api's error sentences), never a stack trace.
 */
public final class ContactOperations {
    private final Map<AccountId, AccountRoster> accounts = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Locale locale;

    /** A failure whose message is ready to show. */
    public static final class UserFacingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UserFacingException(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    /** A client's name and version as its caps (XEP-0115) and, when asked, XEP-0092 tell. */
    public record ClientInfo(String capsName, Optional<String> software, Optional<String> os) {
    }

    public ContactOperations(Executor executor, Locale locale) {
        this.executor = executor;
        this.locale = locale;
    }

    public void register(AccountRoster account) {
        accounts.put(account.account(), account);
    }

    public void unregister(AccountId account, AccountRoster expected) {
        accounts.remove(account, expected);
    }

    /** Adds a contact; with {@code askToSee} also asks to see their presence, with {@code letThemSee} pre-approves them when the server can. */
    public CompletableFuture<Void> add(AccountId account, BareJid jid, String name, List<String> groups, boolean askToSee,
            boolean letThemSee) {
        return run(account, roster -> {
            String[] groupArray = groups.toArray(String[]::new);
            if (askToSee) {
                roster.roster().createItemAndRequestSubscription(jid, blankToNull(name), groupArray);
            } else {
                roster.roster().createItem(jid, blankToNull(name), groupArray);
            }
            if (letThemSee && roster.roster().isSubscriptionPreApprovalSupported()) {
                roster.roster().preApprove(jid);
            }
        });
    }

    public CompletableFuture<Void> rename(ContactKey key, String name) {
        return run(key.account(), roster -> {
            entry(roster, key).setName(blankToNull(name));
            roster.refresh(key.jid());
        });
    }

    /** Puts the contacts in exactly {@code groups} (one roster set each; names and subscriptions stay). */
    public CompletableFuture<Void> setGroups(Collection<ContactKey> keys, java.util.function.Function<List<String>, List<String>> change) {
        List<ContactKey> copy = List.copyOf(keys);
        return runAll(copy, key -> {
            AccountRoster roster = account(key.account());
            RosterEntry entry = entry(roster, key);
            List<String> current = new ArrayList<>();
            entry.getGroups().forEach(group -> current.add(group.getName()));
            roster.roster().createItem(key.jid(), entry.getName(), change.apply(current).toArray(String[]::new));
        });
    }

    public CompletableFuture<Void> remove(Collection<ContactKey> keys) {
        List<ContactKey> copy = List.copyOf(keys);
        return runAll(copy, key -> {
            AccountRoster roster = account(key.account());
            roster.roster().removeEntry(entry(roster, key));
        });
    }

    /** Asks to see the contact's presence again. */
    public CompletableFuture<Void> requestSubscription(ContactKey key) {
        return run(key.account(), roster -> roster.roster().sendSubscriptionRequest(key.jid()));
    }

    /** Stops seeing the contact's presence (or withdraws a request not answered yet). */
    public CompletableFuture<Void> cancelSubscription(ContactKey key) {
        return run(key.account(), roster -> send(roster.connection(), key.jid(), Presence.Type.unsubscribe));
    }

    /** Stops the contact seeing the user's presence. */
    public CompletableFuture<Void> revokeSubscription(ContactKey key) {
        return run(key.account(), roster -> send(roster.connection(), key.jid(), Presence.Type.unsubscribed));
    }

    /** Lets the contact see the user's presence as soon as they ask (RFC 6121 §3.4). */
    public CompletableFuture<Void> preApprove(ContactKey key) {
        return run(key.account(), roster -> roster.roster().preApprove(key.jid()));
    }

    public boolean preApprovalSupported(AccountId account) {
        AccountRoster roster = accounts.get(account);
        try {
            return roster != null && roster.connection().isAuthenticated() && roster.roster().isSubscriptionPreApprovalSupported();
        } catch (SmackException.NotLoggedInException e) {
            return false;
        }
    }

    /** Answers a subscription request: allow, optionally asking to see them back, or deny. */
    public CompletableFuture<Void> answer(SubscriptionRequest request, boolean allow, boolean addBack) {
        return run(request.account(), roster -> {
            send(roster.connection(), request.from(), allow ? Presence.Type.subscribed : Presence.Type.unsubscribed);
            if (allow && addBack && !roster.roster().iAmSubscribedTo(request.from())) {
                RosterEntry entry = roster.roster().getEntry(request.from());
                if (entry == null) {
                    roster.roster().createItemAndRequestSubscription(request.from(), blankToNull(request.nickname()), null);
                } else {
                    roster.roster().sendSubscriptionRequest(request.from());
                }
            }
        });
    }

    public CompletableFuture<Void> block(AccountId account, List<Jid> jids) {
        return run(account, roster -> roster.blocking().blockContacts(jids));
    }

    public CompletableFuture<Void> unblock(AccountId account, List<Jid> jids) {
        return run(account, roster -> roster.blocking().unblockContacts(jids));
    }

    public CompletableFuture<List<Jid>> blockList(AccountId account) {
        // A copy: Smack's list is a view of its cache, which pushes change on Smack's threads.
        return call(account, roster -> List.copyOf(roster.blocking().getBlockList()));
    }

    /**
     * Runs {@code changed} (on a Smack thread) after each change to the account's block list, made
     * here or on another device, until closed; a view re-reads {@link #blockList} then. Nothing to
     * watch while the account is offline.
     */
    public Disposable watchBlockList(AccountId account, Runnable changed) {
        AccountRoster roster = accounts.get(account);
        return roster == null ? () -> { } : new BlockListWatch(roster.blocking(), changed);
    }

    /** The client behind {@code resource}: its caps name at once, its XEP-0092 version when {@code askVersion}. */
    public CompletableFuture<ClientInfo> clientInfo(AccountId account, FullJid resource, boolean askVersion) {
        return call(account, roster -> {
            DiscoverInfo caps = EntityCapsManager.getDiscoverInfoByUser(resource);
            String capsName = caps == null ? "" : caps.getIdentities().stream()
                    .map(DiscoverInfo.Identity::getName).filter(n -> n != null && !n.isBlank()).findFirst().orElse("");
            if (!askVersion) {
                return new ClientInfo(capsName, Optional.empty(), Optional.empty());
            }
            Version version = VersionManager.getInstanceFor(roster.connection()).getVersion(resource);
            String software = (version.getName() + " " + nullToEmpty(version.getVersion())).strip();
            return new ClientInfo(capsName, Optional.of(software), Optional.ofNullable(version.getOs()).filter(os -> !os.isBlank()));
        });
    }

    private static void send(XMPPConnection connection, BareJid to, Presence.Type type)
            throws SmackException.NotConnectedException, InterruptedException {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(type).to(to).build());
    }

    private static RosterEntry entry(AccountRoster roster, ContactKey key) {
        RosterEntry entry = roster.roster().getEntry(key.jid());
        if (entry == null) {
            throw new IllegalStateException("not in the roster any more: " + key.jid());
        }
        return entry;
    }

    private AccountRoster account(AccountId account) {
        AccountRoster roster = accounts.get(account);
        if (roster == null || !roster.connection().isAuthenticated()) {
            throw new SmackNotConnected();
        }
        return roster;
    }

    @FunctionalInterface
    private interface RosterWork {
        void run(AccountRoster roster) throws Exception;
    }

    @FunctionalInterface
    private interface RosterQuery<T> {
        T run(AccountRoster roster) throws Exception;
    }

    @FunctionalInterface
    private interface KeyWork {
        void run(ContactKey key) throws Exception;
    }

    private CompletableFuture<Void> run(AccountId account, RosterWork work) {
        return call(account, roster -> {
            work.run(roster);
            return null;
        });
    }

    private <T> CompletableFuture<T> call(AccountId account, RosterQuery<T> work) {
        return submit(() -> work.run(account(account)));
    }

    /** Runs {@code work} for each key in turn; stops at the first failure, whose sentence the future carries. */
    private CompletableFuture<Void> runAll(List<ContactKey> keys, KeyWork work) {
        return submit(() -> {
            for (ContactKey key : keys) {
                work.run(key);
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(work.run());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                result.completeExceptionally(new UserFacingException(sentence(e), e));
            }
        });
        return result;
    }

    private String sentence(Exception e) {
        return e instanceof SmackNotConnected ? ErrorSentences.forThrowable(new SmackException.NotConnectedException(), locale)
                : ErrorSentences.forThrowable(e, locale);
    }

    /** The account is offline: the same sentence Smack's "not connected" gets. */
    private static final class SmackNotConnected extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
