package welljabber.plugin.chat.protocol;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * How many stanzas one flush of the outbox, or one connection's receipts, may have handed to the
 * connection without the server's acknowledgement (stream management, XEP-0198). Smack 4.4 keeps at most
 * 1,024 such stanzas; with that queue full its writer waits for an acknowledgement which its reader
 * cannot read any more, because the reader waits for room in the writer's queue to answer the server's
 * own request for one: the connection hangs for good. Seen with 3,000 messages queued while offline and sent at once (jstack of a clean CI
 * run of ChatProtocolTest: PacketWriter.maybeAddToUnacknowledgedStanzas and PacketReader →
 * sendSmAcknowledgementInternal, both parked).
 */
final class AckWindow {
    /** Far below Smack's 1,024, and far above what a flush needs to keep the connection busy. */
    static final int FOR_A_FLUSH = 200;
    /**
     * Receipts come in thousands in a burst, and their window decides how soon a stored batch is answered: the
     * flush's and this one together stay well below Smack's 1,024, with room for chat states and presence.
     */
    static final int FOR_RECEIPTS = 500;

    private final XMPPConnection connection;
    private final int size;
    private final Semaphore room;
    /** Null for a connection that is not TCP: only that one has stream management. */
    private final StanzaAcks acks;

    AckWindow(XMPPConnection connection, int size) {
        this.connection = connection;
        // Looked up once per window, not per stanza: the lookup takes a process-wide lock.
        this.acks = connection instanceof XMPPTCPConnection tcp ? StanzaAcks.of(tcp) : null;
        this.size = size;
        this.room = new Semaphore(size);
    }

    /** Waits for room for one more stanza; false when the connection lost its session meanwhile. */
    boolean take() throws InterruptedException {
        while (!room.tryAcquire(1, TimeUnit.SECONDS)) {
            if (!connection.isAuthenticated()) {
                return false;
            }
        }
        return true;
    }

    /** A stanza was acknowledged, or was not sent after all, or will never be acknowledged (no stream management). */
    void give() {
        room.release();
    }

    /** No longer used: whoever waits for room gets it at once, and so does everyone after. */
    void open() {
        room.release(size);
    }

    /**
     * Hands {@code stanza}, for which room was taken, to the connection. {@code acknowledged} runs once the
     * server confirmed it, or at once where the connection has no stream management (handing it over is all
     * that can be known then); the room is given back at that moment. When the stanza could not be handed
     * over, the room is given back, nothing runs, and the reason is thrown.
     */
    void send(Stanza stanza, Runnable acknowledged) throws SmackException.NotConnectedException, InterruptedException {
        String id = stanza.getStanzaId();
        StanzaAcks acks = this.acks != null && ((XMPPTCPConnection) connection).isSmEnabled() && id != null ? this.acks : null;
        if (acks != null) {
            acks.await(id, () -> {
                try {
                    acknowledged.run();
                } finally {
                    give();
                }
            });
        }
        try {
            connection.sendStanza(stanza);
        } catch (SmackException.NotConnectedException | InterruptedException notSent) {
            if (acks != null && !acks.forget(id)) {
                // Acknowledged already, room given back: the stanza went out, and only Smack's request for an
                // acknowledgement after it failed. Reported as not sent, it would be sent a second time.
                if (notSent instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            give();
            throw notSent;
        }
        if (acks == null) {
            try {
                acknowledged.run();
            } finally {
                give();
            }
        }
    }
}
