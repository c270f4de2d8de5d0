package welljabber.plugin.roster.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.plugin.roster.session.RosterPeer.done;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.presence.PresenceKind;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.Subscription;
import welljabber.plugin.roster.store.PersistentRosterStore;
import welljabber.plugin.roster.store.RosterTables;
import welljabber.testsupport.Poll;
import welljabber.testsupport.TestAccount;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;
import welljabber.testsupport.storage.H2TestStorage;

/** The roster plugin's Smack side against a real Prosody, with two or three accounts per test. */
@WithProsody(accounts = {})
class AccountRosterTest {

    @Test
    void addRenameMoveCopyAndRemoveAContact(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount alice = clients.newAccount("alice");
        RosterPeer mine = RosterPeer.online(clients, me);

        done(mine.operations.add(mine.id, alice.jid(), "Alice", List.of("Friends"), false, false));
        Contact added = mine.awaitContact(alice, contact -> contact.name().equals("Alice"), "added as Alice");
        assertEquals(List.of("Friends"), added.groups());
        assertEquals(Subscription.NONE, added.subscription().subscription());

        done(mine.operations.rename(mine.key(alice), "Alice Liddell"));
        mine.awaitContact(alice, contact -> contact.name().equals("Alice Liddell"), "renamed");

        done(mine.operations.setGroups(List.of(mine.key(alice)), groups -> List.of("Wonderland")));
        mine.awaitContact(alice, contact -> contact.groups().equals(List.of("Wonderland")), "moved to Wonderland");

        done(mine.operations.setGroups(List.of(mine.key(alice)), groups -> List.of("Wonderland", "Work")));
        Contact copied = mine.awaitContact(alice, contact -> contact.groups().size() == 2, "copied to Work");
        assertTrue(copied.groups().containsAll(List.of("Wonderland", "Work")), copied.groups().toString());
        assertEquals("Alice Liddell", copied.name(), "a group change keeps the name");

        done(mine.operations.remove(List.of(mine.key(alice))));
        mine.awaitGone(alice);
    }

    @Test
    void requestThenAllowAndAddBackLeavesBothSidesAtBoth(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount bob = clients.newAccount("bob");
        RosterPeer mine = RosterPeer.online(clients, me);
        RosterPeer bobs = RosterPeer.online(clients, bob);

        done(mine.operations.add(mine.id, bob.jid(), "Bob", List.of(), true, false));
        Contact waiting = mine.awaitContact(bob, contact -> contact.subscription().pendingOut(), "pending out");
        assertEquals("subscription.pendingOut", waiting.subscription().labelKey());

        SubscriptionRequest request = bobs.awaitRequestFrom(me);
        done(bobs.operations.answer(request, true, true));
        // Bob asked back; I allow him in turn.
        done(mine.operations.answer(mine.awaitRequestFrom(bob), true, false));

        mine.awaitContact(bob, contact -> contact.subscription().subscription() == Subscription.BOTH, "at both");
        bobs.awaitContact(me, contact -> contact.subscription().subscription() == Subscription.BOTH, "at both");
        mine.awaitContact(bob, Contact::online, "online once subscribed");
    }

    @Test
    void aDeniedRequestLeavesNoSubscriptionAndNothingPending(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount carol = clients.newAccount("carol");
        RosterPeer mine = RosterPeer.online(clients, me);
        RosterPeer carols = RosterPeer.online(clients, carol);

        done(mine.operations.add(mine.id, carol.jid(), "Carol", List.of(), true, false));
        done(carols.operations.answer(carols.awaitRequestFrom(me), false, false));

        Contact denied = mine.awaitContact(carol, contact -> !contact.subscription().pendingOut(), "answer the request");
        assertEquals(Subscription.NONE, denied.subscription().subscription());
        assertFalse(denied.online());
        assertTrue(carols.contact(me).isEmpty(), "denying does not add me to Carol's contacts");
    }

    @Test
    void aPreApprovedContactSeesMeAsSoonAsTheyAskWithoutARequestShowing(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount bob = clients.newAccount("bob");
        RosterPeer mine = RosterPeer.online(clients, me);
        RosterPeer bobs = RosterPeer.online(clients, bob);
        assertTrue(mine.operations.preApprovalSupported(mine.id), "Prosody 0.12 offers subscription pre-approval");

        done(mine.operations.add(mine.id, bob.jid(), "Bob", List.of(), false, true));
        // The pre-approval travels on my connection, Bob's request on his. A server handles one
        // stream in order, so once a ping sent after it is answered, the pre-approval is recorded.
        assertTrue(org.jivesoftware.smackx.ping.PingManager.getInstanceFor(mine.connection).pingMyServer());
        done(bobs.operations.add(bobs.id, me.jid(), "Me", List.of(), true, false));

        bobs.awaitContact(me, contact -> contact.subscription().subscription().iSeeThem(), "allowed at once");
        assertTrue(mine.requests.isEmpty(), "a pre-approved request must not ask the user: " + mine.requests);
    }

    @Test
    void revokingStopsTheContactSeeingMeAndCancellingStopsMeSeeingThem(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount bob = clients.newAccount("bob");
        RosterPeer mine = RosterPeer.online(clients, me);
        RosterPeer bobs = RosterPeer.online(clients, bob);
        befriend(mine, bobs);

        done(mine.operations.revokeSubscription(mine.key(bob)));
        mine.awaitContact(bob, contact -> contact.subscription().subscription() == Subscription.TO, "at to (Bob cannot see me)");
        bobs.awaitContact(me, contact -> contact.subscription().subscription() == Subscription.FROM && !contact.online(),
                "at from and me offline");

        done(mine.operations.cancelSubscription(mine.key(bob)));
        Contact none = mine.awaitContact(bob, contact -> contact.subscription().subscription() == Subscription.NONE, "at none");
        Poll.until(RosterPeer.WAIT, () -> !mine.contact(bob).orElseThrow().online(), "Bob still looks online after cancelling");
        assertFalse(none.subscription().pendingOut());
    }

    @Test
    void blockingStopsTheContactsMessagesAndPresenceAndUnblockingLetsThemThrough(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount alice = clients.newAccount("alice");
        RosterPeer mine = RosterPeer.online(clients, me);
        RosterPeer alices = RosterPeer.online(clients, alice);
        befriend(mine, alices);
        mine.awaitContact(alice, Contact::online, "online");
        List<String> received = new CopyOnWriteArrayList<>();
        ChatManager.getInstanceFor(mine.connection).addIncomingListener((from, message, chat) -> received.add(message.getBody()));

        done(mine.operations.block(mine.id, List.of(alice.jid())));
        mine.awaitContact(alice, contact -> contact.blocked() && !contact.online(), "blocked and offline");
        assertEquals(List.of(alice.jid()), done(mine.operations.blockList(mine.id)));
        List<StanzaError.Condition> bounced = new CopyOnWriteArrayList<>();
        alices.connection.addAsyncStanzaListener(stanza -> bounced.add(stanza.getError().getCondition()),
                stanza -> stanza instanceof org.jivesoftware.smack.packet.Message && stanza.getError() != null);
        ChatManager.getInstanceFor(alices.connection).chatWith(me.jid().asEntityBareJidIfPossible()).send("while blocked");
        // Unblocking before the server has handled her message would let it through: wait for its bounce.
        Poll.until(RosterPeer.WAIT, () -> !bounced.isEmpty(), "Alice's message to someone who blocked her did not bounce");
        assertEquals(List.of(StanzaError.Condition.service_unavailable), bounced);

        done(mine.operations.unblock(mine.id, List.of(alice.jid())));
        mine.awaitContact(alice, contact -> !contact.blocked(), "unblocked");
        // A new presence from Alice shows again once she is unblocked.
        alices.connection.sendStanza(alices.connection.getStanzaFactory().buildPresenceStanza().setStatus("back").build());
        mine.awaitContact(alice, contact -> contact.online() && contact.status().equals("back"), "online again with her status");
        ChatManager.getInstanceFor(alices.connection).chatWith(me.jid().asEntityBareJidIfPossible()).send("after unblock");
        Poll.until(RosterPeer.WAIT, () -> received.contains("after unblock"), () -> "no message after unblocking: " + received);
        // Messages from one sender arrive in order, so had the first got through it would be here already.
        assertEquals(List.of("after unblock"), received);
    }

    @Test
    void aSecondResourceOfTheSameContactShowsUpAndGoesAway(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount alice = clients.newAccount("alice");
        RosterPeer mine = RosterPeer.online(clients, me);
        RosterPeer alicesDesk = RosterPeer.online(clients, alice, "desk", null);
        befriend(mine, alicesDesk);
        mine.awaitContact(alice, contact -> contact.resources().size() == 1, "on her desk");

        XMPPTCPConnection phone = clients.connection(clients.configBuilder(alice.user(), alice.password())
                .setResource("phone").build());
        phone.connect().login();
        phone.sendStanza(phone.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away).setStatus("on the bus")
                .setPriority(5).build());
        Contact both = mine.awaitContact(alice, contact -> contact.resources().size() == 2
                && contact.resources().get(0).priority() == 5, "on two devices, the phone first");
        assertEquals("phone", both.resources().get(0).resource(), "highest priority first: " + both.resources());
        assertEquals(PresenceKind.AWAY, both.resources().get(0).kind());
        assertEquals(5, both.resources().get(0).priority());
        assertEquals(PresenceKind.AWAY, both.kind(), "the best resource is the highest priority one");

        phone.disconnect();
        Contact one = mine.awaitContact(alice, contact -> contact.resources().size() == 1, "back on one device");
        assertEquals("desk", one.resources().get(0).resource());
        assertEquals(PresenceKind.AVAILABLE, one.kind());
    }

    @Test
    void aRosterPushFromAnotherUserIsRefusedAndLeavesTheContactsAlone(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        TestAccount mallory = clients.newAccount("mallory");
        RosterPeer mine = RosterPeer.online(clients, me);
        XMPPTCPConnection attacker = clients.login(mallory);
        int before = mine.book.size();

        RosterPacket push = new RosterPacket();
        push.setType(IQ.Type.set);
        push.setTo(mine.connection.getUser());
        push.addRosterItem(new RosterPacket.Item(JidCreate.bareFrom("evil@localhost"), "Definitely your bank"));
        XMPPException.XMPPErrorException refused = assertThrows(XMPPException.XMPPErrorException.class,
                () -> attacker.createStanzaCollectorAndSend(push).nextResultOrThrow());
        assertEquals(StanzaError.Condition.service_unavailable, refused.getStanzaError().getCondition());

        assertEquals(List.of(mallory.jid()), mine.foreignPushes.stream().map(jid -> jid.asBareJid()).toList());
        assertEquals(before, mine.book.size());
        assertTrue(mine.book.snapshot().stream().noneMatch(contact -> contact.jid().toString().equals("evil@localhost")));
    }

    @Test
    void aSecondLoginWithAnUnchangedStoredRosterTransfersNoContacts(XmppTestClients clients) throws Exception {
        TestAccount me = clients.newAccount("me");
        H2TestStorage storage = H2TestStorage.inMemory();
        storage.migrate(RosterTables.MIGRATIONS);
        RosterPeer first = RosterPeer.online(clients, me, "desk", storage);
        for (int i = 0; i < 20; i++) {
            done(first.operations.add(first.id, JidCreate.bareFrom("friend" + i + "@example.org"), "Friend " + i, List.of("Old friends"),
                    false, false));
        }
        Poll.until(RosterPeer.WAIT, () -> first.book.size() == 20, () -> "added 20, the book has " + first.book.size());
        first.connection.disconnect();
        PersistentRosterStore stored = PersistentRosterStore.open(first.id, storage, Runnable::run);
        assertFalse(stored.getRosterVersion().isEmpty(), "Prosody versions rosters; the store kept no version");
        assertEquals(20, stored.getEntries().size());

        AtomicInteger itemsFromServer = new AtomicInteger();
        XMPPTCPConnection again = clients.connection(clients.configBuilder(me.user(), me.password()).setResource("desk").build());
        again.addStanzaListener(stanza -> itemsFromServer.addAndGet(((RosterPacket) stanza).getRosterItemCount()),
                stanza -> stanza instanceof RosterPacket);
        Roster roster = Roster.getInstanceFor(again);
        roster.setRosterStore(PersistentRosterStore.open(first.id, storage, Runnable::run));
        again.connect().login();
        Poll.until(RosterPeer.WAIT, () -> roster.isLoaded() && roster.getEntryCount() == 20,
                () -> "the roster has " + roster.getEntryCount() + " entries");
        assertEquals("Friend 7", roster.getEntry(JidCreate.bareFrom("friend7@example.org")).getName());
        assertEquals(0, itemsFromServer.get(), "the server should send no contacts when the stored version is current");
    }

    /** Both directions subscribed, as two people who accepted each other. */
    private static void befriend(RosterPeer one, RosterPeer other) throws Exception {
        done(one.operations.add(one.id, other.account.jid(), other.account.user(), List.of(), true, false));
        done(other.operations.answer(other.awaitRequestFrom(one.account), true, true));
        done(one.operations.answer(one.awaitRequestFrom(other.account), true, false));
        one.awaitContact(other.account, contact -> contact.subscription().subscription() == Subscription.BOTH, "at both");
        other.awaitContact(one.account, contact -> contact.subscription().subscription() == Subscription.BOTH, "at both");
    }
}
