package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import welljabber.sandbox.DemoBot;
import welljabber.sandbox.DemoWorld;
import welljabber.sandbox.Fingerprints;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.SandboxLogin;

/** The world behind {@code --sandbox}, seen by a raw client logging in as {@code me}. */
class DemoWorldTest {

    private static DemoWorld world;
    private XMPPTCPConnection me;

    @BeforeAll
    static void startWorld() throws Exception {
        world = DemoWorld.start();
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void logInAsMe() throws Exception {
        SandboxLogin login = world.login();
        assertEquals("me@localhost", login.jid());
        assertEquals(Fingerprints.sha256(login.certificate()), login.certificateSha256Fingerprint());
        me = new XMPPTCPConnection(LoopbackConnections.builder(login.host(), login.port(), login.domain(), login.certificate(), "test")
                .setUsernameAndPassword(login.user(), login.password()).build());
        Roster.getInstanceFor(me); // listen to presences from the start
        me.connect().login();
    }

    @AfterEach
    void logOut() {
        me.disconnect();
    }

    @Test
    void aliceTheBotIsOnlineWithAStatus() throws Exception {
        Roster roster = Roster.getInstanceFor(me);
        Poll.until(java.time.Duration.ofSeconds(10), roster::isLoaded, "roster loaded");
        EntityBareJid alice = JidCreate.entityBareFrom("alice@localhost");
        Poll.until(Duration.ofSeconds(5), () -> roster.getPresence(alice).isAvailable(), "alice's presence is available");
        Presence presence = roster.getPresence(alice);
        assertEquals(DemoBot.STATUS, presence.getStatus());
        assertEquals(2, roster.getEntryCount(), "me has alice and bob");
        assertEquals("Friends", roster.getEntry(alice).getGroups().getFirst().getName());
    }

    @Test
    void theBotEchoesMessages() throws Exception {
        BlockingQueue<Message> replies = new ArrayBlockingQueue<>(5);
        ChatManager chats = ChatManager.getInstanceFor(me);
        chats.addIncomingListener((from, message, chat) -> replies.add(message));
        chats.chatWith(JidCreate.entityBareFrom("alice@localhost")).send("ping from the test");
        Message reply = replies.poll(5, TimeUnit.SECONDS);
        assertNotNull(reply, "the bot answered");
        assertEquals(DemoBot.reply("ping from the test"), reply.getBody());
    }

    @Test
    void theBotsBurstArrivesInOrderAndCountsTheReceipts() throws Exception {
        DeliveryReceiptManager.getInstanceFor(me).setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.always);
        List<String> bodies = receivedBodies();
        EntityBareJid meJid = JidCreate.entityBareFrom("me@localhost");

        assertEquals(200, world.bot().burst(meJid, 200, Duration.ofSeconds(30)), "acknowledged");
        Poll.until(Duration.ofSeconds(10), () -> bodies.size() == 200, "200 messages arrived");
        for (int i = 1; i <= 200; i++) {
            assertEquals(DemoBot.burstBody(i, 200), bodies.get(i - 1));
        }
    }

    @Test
    void aBurstThatNobodyAcknowledgesCountsNone() throws Exception {
        DeliveryReceiptManager.getInstanceFor(me).setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.disabled);
        List<String> bodies = receivedBodies();

        assertEquals(0, world.bot().burst(JidCreate.entityBareFrom("me@localhost"), 20, Duration.ofSeconds(1)));
        Poll.until(Duration.ofSeconds(10), () -> bodies.size() == 20, "the 20 messages still arrived");
    }

    private List<String> receivedBodies() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        ChatManager.getInstanceFor(me).addIncomingListener((from, message, chat) -> bodies.add(message.getBody()));
        return bodies;
    }

    @Test
    void theLobbyExistsAndCanBeJoined() throws Exception {
        EntityBareJid lobby = world.lobby();
        assertEquals("lobby@conference.localhost", lobby.toString());
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(me).discoverInfo(lobby);
        assertTrue(info.containsFeature("http://jabber.org/protocol/muc"), info.toXML().toString());
        assertTrue(info.hasIdentity("conference", "text"), info.toXML().toString());

        MultiUserChat room = MultiUserChatManager.getInstanceFor(me).getMultiUserChat(lobby);
        room.join(Resourcepart.from("me"));
        assertTrue(room.isJoined());
        assertTrue(room.getOccupants().stream().anyMatch(o -> o.getResourceOrEmpty().toString().equals("Alice (bot)")),
                "the bot is in the room: " + room.getOccupants());
        room.leave();
    }
}
