package welljabber.plugin.chat.protocol;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
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
    private static final System.Logger LOG = System.getLogger(StanzaAcks.class.getName());
    /**
     * Weak keys and weak values: the connection's own listener list keeps its acknowledgements alive, and
     * they refer back to it (a task gives room back to a window on that connection), so a strong value here
     * would keep a connection let go of for good while any of its stanzas was never acknowledged.
     */
    private static final Map<XMPPTCPConnection, WeakReference<StanzaAcks>> BY_CONNECTION =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Runnable> awaited = new ConcurrentHashMap<>();

    private StanzaAcks() {
    }

    static StanzaAcks of(XMPPTCPConnection connection) {
        synchronized (BY_CONNECTION) {
            StanzaAcks acks = Optional.ofNullable(BY_CONNECTION.get(connection)).map(WeakReference::get).orElse(null);
            if (acks == null) {
                acks = new StanzaAcks();
                connection.addStanzaAcknowledgedListener(acks);
                BY_CONNECTION.put(connection, new WeakReference<>(acks));
            }
            return acks;
        }
    }

    /** Runs {@code acknowledged} once the stanza with this id is acknowledged; at most once. */
    void await(String stanzaId, Runnable acknowledged) {
        awaited.put(stanzaId, acknowledged);
    }

    /** The stanza was not sent after all; false when its acknowledgement came first (it was sent). */
    boolean forget(String stanzaId) {
        return awaited.remove(stanzaId) != null;
    }

    /** How many stanzas wait for their acknowledgement. */
    int awaiting() {
        return awaited.size();
    }

    @Override
    public void processStanza(Stanza stanza) {
        String id = stanza.getStanzaId();
        Runnable acknowledged = id == null ? null : awaited.remove(id);
        if (acknowledged == null) {
            return;
        }
        try {
            acknowledged.run();
        } catch (RuntimeException failed) {
            // Smack hands us a whole acknowledged batch in one loop, which an exception would end: the tasks of
            // the stanzas after this one would never run, and their windows never get their room back.
            LOG.log(System.Logger.Level.ERROR, "What waited for the acknowledgement of stanza " + id + " failed", failed);
        }
    }
}
