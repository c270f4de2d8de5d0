package welljabber.app.bench;

import java.util.function.LongSupplier;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** The contact who sends the burst: in the bench's JVM, or in a process of its own ({@link PeerProcess}). */
interface BurstPeer extends AutoCloseable {
    void sendOne(String to, String body) throws Exception;

    /** Sends {@link ChatBurst#send the burst}; returns when the last message is out. {@code received} is the receiver's count. */
    void burst(String to, int count, String tag, LongSupplier received) throws Exception;

    /** A connection of the bench's own JVM: the peer's work and garbage share the receiver's heap and CPU. */
    static BurstPeer inThisJvm(XMPPTCPConnection connection) {
        return new BurstPeer() {
            @Override
            public void sendOne(String to, String body) throws Exception {
                ChatBurst.sendOne(connection, to, body);
            }

            @Override
            public void burst(String to, int count, String tag, LongSupplier received) throws Exception {
                ChatBurst.send(connection, to, count, tag, received);
            }

            @Override
            public void close() {
                connection.disconnect();
            }
        };
    }
}
