package welljabber.plugin.chat.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Runs a task when the server acknowledges one of our stanzas (stream management, XEP-0198), found by
 * the stanza's id: one listener per connection and a map of our own. Smack's
 * {@code addStanzaIdAcknowledgedListener} does the same per stanza, but schedules each listener's removal up
 * to three hours later on its process-wide reactor, and that task holds the connection: a burst of 10,000
 * messages left 10,000 such tasks, and every connection that sent one stayed in memory for hours after
 * it closed (the bench's JVM kept the shells of all its earlier runs, 40,000 tasks after four bursts).
 *
 * <p>An entry waits as long as its connection lives: after a session that could not be resumed, Smack
 * sends what the server had not acknowledged again, in the new session, and the acknowledgement comes then.
 */
final class StanzaAcks implements StanzaListener {
    /** Weak keys: a connection let go of takes its acknowledgements with it. */
    private static final Map<XMPPTCPConnection, StanzaAcks> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Runnable> awaited = new ConcurrentHashMap<>();

    private StanzaAcks() {
    }

    static StanzaAcks of(XMPPTCPConnection connection) {
        return BY_CONNECTION.computeIfAbsent(connection, added -> {
            StanzaAcks acks = new StanzaAcks();
            added.addStanzaAcknowledgedListener(acks);
            return acks;
        });
    }

    /** Runs {@code acknowledged} once the stanza with this id is acknowledged; at most once. */
    void await(String stanzaId, Runnable acknowledged) {
        awaited.put(stanzaId, acknowledged);
    }

    /** The stanza was not sent after all. */
    void forget(String stanzaId) {
        awaited.remove(stanzaId);
    }

    @Override
    public void processStanza(Stanza stanza) {
        String id = stanza.getStanzaId();
        Runnable acknowledged = id == null ? null : awaited.remove(id);
        if (acknowledged != null) {
            acknowledged.run();
        }
    }
}
