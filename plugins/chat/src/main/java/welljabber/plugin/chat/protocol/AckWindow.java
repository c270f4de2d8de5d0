package welljabber.plugin.chat.protocol;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPConnection;

/**
 * How many stanzas one flush of the outbox may have handed to the connection without the server's
 * acknowledgement (stream management, XEP-0198). Smack 4.4 keeps at most 1,000 such stanzas; with that
 * queue full its writer waits for an acknowledgement which its reader cannot read any more, because the
 * reader waits for room in the writer's queue to answer the server's own request for one: the connection
 * hangs for good. Seen with 3,000 messages queued while offline and sent at once (jstack of a clean CI
 * run of ChatProtocolTest: PacketWriter.maybeAddToUnacknowledgedStanzas and PacketReader →
 * sendSmAcknowledgementInternal, both parked).
 */
final class AckWindow {
    /** Far below Smack's 1,000, and far above what a flush needs to keep the connection busy. */
    static final int MOST = 200;

    private final XMPPConnection connection;
    private final Semaphore room = new Semaphore(MOST);

    AckWindow(XMPPConnection connection) {
        this.connection = connection;
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
}
