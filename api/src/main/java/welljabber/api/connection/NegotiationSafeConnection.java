package welljabber.api.connection;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.SmackException.SecurityRequiredByServerException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A Smack TCP connection that never writes a stanza into a stream still being negotiated.
 *
 * <p>Smack 4.4 writes whatever is sent as soon as {@link #connect()} has started its writer again, and
 * {@link #isAuthenticated()} stays true through a resumable reconnect. So a receipt, a chat state or a
 * message sent while the connection comes back (by the reconnection manager, or after a check made just
 * before a disconnect) went out before the server had authenticated the new stream, or between its
 * authentication and the stream's restart, and the server ended the stream (seen in a test: Prosody's
 * {@code invalid-namespace}). A check before sending cannot close that window; only the connection can.
 *
 * <p>Here, once the connection has had a session, from {@code connect()} until the login is complete, a
 * stanza sent by any thread but Smack's own negotiation (the thread logging in binds the resource; the
 * reader resends what the server had not acknowledged when a stream is resumed) is held back when the
 * stream can be resumed, which is what Smack promises for that state (taken now, sent with the session:
 * held stanzas go out first, in order, before the session is announced), and refused with
 * {@link NotConnectedException} otherwise, as when disconnected, so the sender keeps it for the next
 * session. Before its first session nobody can take the connection for a session yet: what is sent then is
 * meant for the stream as it is (in-band registration asks before logging in) and goes out as in Smack.
 */
public class NegotiationSafeConnection extends XMPPTCPConnection {

    /** Senders share it; starting a negotiation and completing a login take it alone. */
    private final ReadWriteLock negotiation = new ReentrantReadWriteLock();
    private final Queue<Stanza> heldForTheSession = new ConcurrentLinkedQueue<>();
    private boolean inSession; // written under the write lock, read under the read lock
    private volatile boolean hadASession;
    private volatile Thread loggingIn;
    private volatile Thread reading;

    public NegotiationSafeConnection(XMPPTCPConnectionConfiguration configuration) {
        super(configuration);
    }

    @Override
    public synchronized XMPPTCPConnection connect() throws SmackException, IOException, XMPPException, InterruptedException {
        negotiation.writeLock().lock();
        try {
            inSession = false;
        } finally {
            negotiation.writeLock().unlock();
        }
        super.connect();
        return this;
    }

    @Override
    protected void afterFeaturesReceived() throws NotConnectedException, InterruptedException, SecurityRequiredByServerException {
        // Stream features are read by the reader thread, the one that resends stanzas when a stream is resumed.
        reading = Thread.currentThread();
        super.afterFeaturesReceived();
    }

    @Override
    protected synchronized void loginInternal(String username, String password, Resourcepart resource)
            throws XMPPException, SmackException, IOException, InterruptedException {
        loggingIn = Thread.currentThread();
        try {
            super.loginInternal(username, password, resource);
        } finally {
            loggingIn = null;
        }
    }

    @Override
    protected void afterSuccessfulLogin(boolean resumed) throws NotConnectedException, InterruptedException {
        negotiation.writeLock().lock();
        try {
            for (Stanza held = heldForTheSession.peek(); held != null; held = heldForTheSession.peek()) {
                super.sendStanzaInternal(held);
                heldForTheSession.remove();
            }
            inSession = true;
            hadASession = true;
        } finally {
            negotiation.writeLock().unlock();
        }
        super.afterSuccessfulLogin(resumed);
    }

    @Override
    protected void sendStanzaInternal(Stanza stanza) throws NotConnectedException, InterruptedException {
        negotiation.readLock().lock();
        try {
            Thread sender = Thread.currentThread();
            if (inSession || !hadASession || sender == loggingIn || sender == reading) {
                super.sendStanzaInternal(stanza);
            } else if (isSmResumptionPossible()) {
                heldForTheSession.add(stanza);
            } else {
                throw new NotConnectedException(this, "the stream is still being negotiated");
            }
        } finally {
            negotiation.readLock().unlock();
        }
    }
}
