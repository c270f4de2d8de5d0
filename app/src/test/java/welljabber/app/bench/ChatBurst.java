package welljabber.app.bench;

import java.util.function.LongSupplier;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/** The sender's side of the chat burst: the same messages, the same pace, for the floor and the shell. */
final class ChatBurst {
    /**
     * At most this many messages in flight. Without a window, a 10,000-message burst with receipts coming
     * back filled every buffer between the two clients and the server and all three stopped; the window is
     * the same for both receivers and far above what either drains per millisecond. It must stay well below
     * Smack's queue of stanzas the server has not acknowledged yet (1,000, stream management): with 1,000
     * the sender's writer waited for room in that queue while its reader, which would have read the
     * server's acknowledgement, waited for room in the writer's queue to answer the server's request for
     * one, and the bench hung (jstack: PacketWriter.maybeAddToUnacknowledgedStanzas and
     * PacketReader → sendSmAcknowledgementInternal, both parked).
     */
    static final int WINDOW = 500;

    private ChatBurst() {
    }

    static String body(String tag, int i) {
        return "burst message " + i + " of " + tag;
    }

    /** Sends {@code count} chat messages with an origin-id and a receipt request; {@code received} counts arrivals. */
    static void send(XMPPTCPConnection from, String to, int count, String tag, LongSupplier received) throws Exception {
        EntityBareJid recipient = JidCreate.entityBareFrom(to);
        for (int i = 0; i < count; i++) {
            while (i - received.getAsLong() > WINDOW) {
                // A millisecond: the receiver drains one or two in it, and the window holds hundreds. A sleep of
                // 0.2 ms woke this thread up to 5,000 times a second, taking a core's share from the receiver.
                Thread.sleep(1);
            }
            String id = tag + "-" + i;
            from.sendStanza(StanzaBuilder.buildMessage(id).to(recipient).ofType(Message.Type.chat).setBody(body(tag, i))
                    .addExtension(new OriginIdElement(id)).addExtension(new DeliveryReceiptRequest()).build());
        }
    }

    static void sendOne(XMPPTCPConnection from, String to, String body) throws Exception {
        from.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.entityBareFrom(to)).ofType(Message.Type.chat).setBody(body)
                .addExtension(new DeliveryReceiptRequest()).build());
    }
}
