package welljabber.plugin.chat.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.testsupport.storage.H2TestStorage;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * Nothing lost (issue #6, done-when 2b): the server stops while the user sends 100 messages and
 * comes back; all 100 reach the peer exactly once. Both sides run the chat plugin's code with their
 * own H2 history; "exactly once" is what the peer's history holds. How many copies crossed the wire
 * (Smack resends what the dead server never acknowledged) is recorded for the report, not hidden.
 */
@WithProsody(accounts = {"me:secret", "alice:secret"}, muc = false, setup = ContactsForReliability.class)
class ServerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aHundredMessagesSentWhileTheServerStopsAndComesBackArriveOnceEach(ProsodyServer server, XmppTestClients clients)
            throws Exception {
        try (H2TestStorage myHistory = H2TestStorage.inMemory(); H2TestStorage aliceHistory = H2TestStorage.inMemory();
                ChatEndpoint me = new ChatEndpoint(new AccountId("me"), clients.connection("me", "secret"), myHistory);
                ChatEndpoint alice = new ChatEndpoint(new AccountId("alice"), clients.connection("alice", "secret"), aliceHistory)) {
            List<String> onTheWire = new CopyOnWriteArrayList<>();
            ChatManager.getInstanceFor(alice.connection()).addIncomingListener((from, message, chat) -> onTheWire.add(message.getBody()));
            me.connection().connect().login();
            alice.connection().connect().login();
            ExecutorService keepers = Executors.newFixedThreadPool(2);
            keepers.execute(() -> keepConnected(me.connection()));
            keepers.execute(() -> keepConnected(alice.connection()));

            ConversationKey toAlice = new ConversationKey(me.account(), JidCreate.bareFrom("alice@localhost"));
            List<StoredMessage> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(me.outbox().submit(toAlice, Optional.empty(), "message " + i));
                if (i == 30) {
                    server.terminate(); // the server goes away in the middle of the sending
                }
                if (i == 70) {
                    server.restart();
                }
                Thread.sleep(20);
            }

            ConversationKey fromMe = new ConversationKey(alice.account(), JidCreate.bareFrom("me@localhost"));
            List<String> expected = IntStream.range(0, 100).mapToObj(i -> "message " + i).toList();
            Poll.until(WAIT, () -> alice.store().newest(fromMe, 200).size() >= 100,
                    () -> "alice has " + alice.store().newest(fromMe, 200).size() + " of 100");
            List<String> aliceHas = alice.store().newest(fromMe, 200).stream().map(StoredMessage::body).toList();
            assertEquals(expected, aliceHas, "each message once, in the order written");
            Poll.until(WAIT, () -> sent.stream().allMatch(m -> me.store().byId(m.id()).orElseThrow().state() == DeliveryState.DELIVERED),
                    () -> "not all delivered: " + sent.stream().map(m -> me.store().byId(m.id()).orElseThrow().state()).distinct().toList());
            System.out.printf("ServerRestartTest: %d copies crossed the wire for 100 messages%n", onTheWire.size());
            keepers.shutdownNow();
            keepers.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** What the shell's reconnection does: log in again whenever the connection is down. */
    private static void keepConnected(XMPPTCPConnection connection) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!connection.isAuthenticated()) {
                    if (connection.isConnected()) {
                        connection.login();
                    } else {
                        connection.connect().login();
                    }
                }
                Thread.sleep(100);
            } catch (InterruptedException stop) {
                return;
            } catch (Exception notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
