package welljabber.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.receipts.ReceiptReceivedListener;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.tinylog.Logger;

/**
 * The sandbox's online demo contact: a Smack connection that shows itself available with a status
 * message, accepts subscription requests, answers every chat message with a friendly echo, and
 * creates and stays in the demo room. It reconnects by itself if the server comes back.
 */
public final class DemoBot implements AutoCloseable {

    /** The bot's status message. */
    public static final String STATUS = "I'm the WellJabber sandbox bot: send me a message and I'll echo it.";

    private final XMPPTCPConnection connection;
    private final MultiUserChat room;

    private DemoBot(XMPPTCPConnection connection, MultiUserChat room) {
        this.connection = connection;
        this.room = room;
    }

    /**
     * Logs in as {@code user}, goes online, and creates {@code roomJid} as an instant room (or joins
     * it if it exists), with nickname {@code nick}.
     */
    public static DemoBot connect(ProsodyServer server, String user, String password, EntityBareJid roomJid, String nick)
            throws IOException, InterruptedException {
        XMPPTCPConnection connection = new XMPPTCPConnection(
                LoopbackConnections.builder(server, user, password, "bot").setSendPresence(false).build());
        // Without stream management: a bot on loopback has no stream to resume, and Smack 4.4's stream management
        // can hang a connection that sends as fast as a burst does (its writer waits for acknowledgements that its
        // reader, waiting for room in the writer's queue, never reads; seen in the image's first-burst runs).
        connection.setUseStreamManagement(false);
        Roster.getInstanceFor(connection).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        ChatManager.getInstanceFor(connection).addIncomingListener((from, message, chat) -> {
            String body = message.getBody();
            if (body == null || body.isBlank()) {
                return;
            }
            try {
                chat.send(reply(body));
            } catch (SmackException.NotConnectedException | InterruptedException e) {
                Logger.debug("Demo bot could not answer {}: {}", from, e.getMessage());
            }
        });
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) {
                    sendPresence(c);
                }
            }
        });
        ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(connection);
        reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
        reconnection.setFixedDelay(1);
        MultiUserChatManager mucs = MultiUserChatManager.getInstanceFor(connection);
        mucs.setAutoJoinOnReconnect(true);
        try {
            connection.connect().login();
            MultiUserChat room = mucs.getMultiUserChat(roomJid);
            MultiUserChat.MucCreateConfigFormHandle created = room.createOrJoin(Resourcepart.from(nick));
            if (created != null) {
                created.makeInstant();
                room.changeSubject("Welcome to the WellJabber sandbox lobby");
            }
            reconnection.enableAutomaticReconnection();
            Logger.info("Demo bot {} online, in {}", connection.getUser(), roomJid);
            return new DemoBot(connection, room);
        } catch (SmackException | XMPPException e) {
            connection.disconnect();
            throw new IOException("The demo bot " + user + " could not go online: " + e, e);
        }
    }

    /** The echo the bot sends back for a message body. */
    public static String reply(String body) {
        return "You said: \u201c" + body.strip() + "\u201d \uD83D\uDC4B";
    }

    /**
     * Sends {@code count} chat messages to {@code to} as fast as the connection takes them, each asking for a
     * delivery receipt (XEP-0184), and waits until all are acknowledged or {@code timeout} passed; returns how
     * many were acknowledged. bench/chat/first-burst.sh measures a fresh image's first burst with it (through
     * the app's training mode), and the AOT training run can include one (WELLJABBER_AOT_TRAINING_BURST).
     */
    public int burst(EntityBareJid to, int count, Duration timeout) throws InterruptedException, SmackException.NotConnectedException {
        Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch acknowledged = new CountDownLatch(count);
        ReceiptReceivedListener listener = (from, recipient, receiptId, receipt) -> {
            if (unacknowledged.remove(receiptId)) {
                acknowledged.countDown();
            }
        };
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        receipts.addReceiptReceivedListener(listener);
        try {
            for (int i = 1; i <= count; i++) {
                Message message = connection.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
                        .setBody(burstBody(i, count)).addExtension(new DeliveryReceiptRequest()).build();
                unacknowledged.add(message.getStanzaId()); // before it goes: the receipt may come back at once
                connection.sendStanza(message);
            }
            acknowledged.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return count - (int) acknowledged.getCount();
        } finally {
            receipts.removeReceiptReceivedListener(listener);
        }
    }

    /** The text of the {@code index}th of {@code count} messages of a {@link #burst}. */
    public static String burstBody(int index, int count) {
        return "Burst message " + index + " of " + count;
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    /** The demo room the bot is in. */
    public MultiUserChat room() {
        return room;
    }

    @Override
    public void close() {
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        connection.disconnect();
    }

    private static void sendPresence(XMPPConnection connection) {
        try {
            Presence presence = connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setMode(Presence.Mode.chat).setStatus(STATUS).build();
            connection.sendStanza(presence);
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            Logger.debug("Demo bot could not send its presence: {}", e.getMessage());
        }
    }
}
