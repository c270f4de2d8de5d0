package welljabber.sandbox;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal external component (XEP-0114) connection: it lets a test send stanzas <em>from</em> any
 * JID of the component's domain ({@code c00042@bots.localhost/desk}) to local users, so that thousands
 * of contacts can be online without thousands of client logins.
 *
 * <p>Plain sockets, because Smack 4.4 has no component client (its connections are c2s only). The
 * protocol is small: open a {@code jabber:component:accept} stream to the component's domain, answer
 * with {@code <handshake>} holding the lower-case hex SHA-1 of the server's stream id followed by the
 * secret, and wait for an empty {@code <handshake/>}. After that, {@link #send(String)} writes raw
 * stanzas (buffered: call {@link #flush()}).
 *
 * <p>A reader thread parses everything the server sends and counts the stanzas: Prosody routes the
 * users' presence broadcasts and probes to the contacts of this domain here (two per contact when a
 * user with a big roster comes online), and an unread socket would make it buffer them all. It answers
 * every {@code get} or {@code set} iq with {@code service-unavailable}, as XMPP requires: clients
 * discover the server's components at login (Smack's HTTP upload manager sends this domain a
 * disco#info and blocks the login until the answer or its reply timeout).
 */
public final class ComponentConnection implements AutoCloseable {

    private static final String STREAMS_NS = "http://etherx.jabber.org/streams";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final Writer out;
    private final String domain;
    private final CompletableFuture<String> streamId = new CompletableFuture<>();
    private final CompletableFuture<Void> accepted = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicLong received = new AtomicLong();
    private final Thread reader;

    private ComponentConnection(Socket socket, String domain) throws IOException {
        this.socket = socket;
        this.domain = domain;
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        InputStream in = socket.getInputStream();
        this.reader = Thread.ofPlatform().daemon().name("component-reader-" + domain).unstarted(() -> read(in));
    }

    /** Connects to the server's external component and completes the handshake. */
    public static ComponentConnection connect(ProsodyServer server) throws IOException {
        return connect(server.host(), server.componentPort(), server.componentDomain(), server.componentSecret(),
                DEFAULT_TIMEOUT);
    }

    /**
     * Connects to {@code host:port} (give an address, never a name to resolve) as the component
     * {@code domain} and completes the handshake.
     *
     * @throws IOException if the connection fails, the server refuses the handshake (bad secret, unknown
     *                     domain) or does not answer within {@code timeout}
     */
    public static ComponentConnection connect(String host, int port, String domain, String secret, Duration timeout)
            throws IOException {
        Objects.requireNonNull(secret, "secret");
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            ComponentConnection connection = new ComponentConnection(socket, domain);
            connection.handshake(secret, timeout);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The component's domain, for example {@code bots.localhost}. */
    public String domain() {
        return domain;
    }

    /**
     * Queues one raw stanza, for example {@code <presence from='c1@bots.localhost/desk' to='me@localhost'/>}.
     * Its {@code from} must be in {@link #domain()} (Prosody closes the stream otherwise). Nothing is
     * checked here: the text goes to the server as given, after {@link #flush()} or when the buffer is full.
     */
    public synchronized void send(String rawStanzaXml) throws IOException {
        requireOpen();
        out.write(rawStanzaXml);
    }

    /** Sends what {@link #send(String)} queued. */
    public synchronized void flush() throws IOException {
        requireOpen();
        out.flush();
    }

    /** How many stanzas the server has sent to this component since the handshake. */
    public long receivedStanzas() {
        return received.get();
    }

    /**
     * Waits until the server has sent at least {@code count} stanzas in total (for example the
     * probes and broadcasts that follow a user's initial presence, before measuring something else).
     *
     * @throws TimeoutException if fewer have arrived after {@code timeout}
     */
    public void awaitReceived(long count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.get() < count) {
            if (ended.isDone()) {
                throw new IllegalStateException("The component stream ended after " + received.get() + " of " + count
                        + " stanzas: " + endReason());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The component received " + received.get() + " of " + count + " stanzas in "
                        + timeout.toMillis() + " ms");
            }
            Thread.sleep(2);
        }
    }

    /** Whether the stream is still open (the server has not closed it and {@link #close()} was not called). */
    public boolean isOpen() {
        return !ended.isDone() && !socket.isClosed();
    }

    /** Ends the stream and closes the socket. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (!socket.isClosed()) {
                try {
                    out.write("</stream:stream>");
                    out.flush();
                } catch (IOException ignored) {
                    // the server has gone already; closing the socket is all that is left
                }
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
        }
        // outside the lock: the reader may be waiting for it to answer an iq before it sees the end
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ComponentConnection[" + domain + ", " + socket.getRemoteSocketAddress() + (isOpen() ? "" : ", closed") + "]";
    }

    // ---- the handshake -----------------------------------------------------------------------

    private void handshake(String secret, Duration timeout) throws IOException {
        reader.start();
        synchronized (this) {
            out.write("<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
                    + "xmlns:stream='" + STREAMS_NS + "' to='" + PresenceBurst.escape(domain) + "'>");
            out.flush();
        }
        String id = await(streamId, timeout, "the server's stream header");
        synchronized (this) {
            out.write("<handshake>" + handshakeDigest(id, secret) + "</handshake>");
            out.flush();
        }
        await(accepted, timeout, "the handshake's answer");
    }

    /** XEP-0114 §3: lower-case hex SHA-1 of the stream id followed by the secret. */
    static String handshakeDigest(String streamId, String secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }

    private <T> T await(CompletableFuture<T> step, Duration timeout, String what) throws IOException {
        try {
            return step.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("No " + what + " from " + socket.getRemoteSocketAddress() + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException("Component " + domain + " refused: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + what, e);
        }
    }

    // ---- the reader thread --------------------------------------------------------------------

    private void read(InputStream in) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            int depth = 0;
            boolean inStreamError = false;
            String errorCondition = "";
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        streamId.complete(Objects.requireNonNullElse(xml.getAttributeValue(null, "id"), ""));
                    } else if (depth == 2 && "handshake".equals(xml.getLocalName())) {
                        accepted.complete(null);
                    } else if (depth == 2 && "iq".equals(xml.getLocalName())) {
                        String type = xml.getAttributeValue(null, "type");
                        if ("get".equals(type) || "set".equals(type)) {
                            refuse(xml.getAttributeValue(null, "from"), xml.getAttributeValue(null, "to"),
                                    xml.getAttributeValue(null, "id"));
                        }
                    } else if (depth == 2 && "error".equals(xml.getLocalName()) && STREAMS_NS.equals(xml.getNamespaceURI())) {
                        inStreamError = true;
                    } else if (depth == 3 && inStreamError && errorCondition.isEmpty()) {
                        errorCondition = xml.getLocalName(); // the first child names the condition
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && inStreamError) {
                        fail(new IOException("<stream:error> " + errorCondition));
                        return;
                    }
                    if (depth == 2 && accepted.isDone()) {
                        received.incrementAndGet();
                    }
                    depth--;
                    if (depth == 0) {
                        fail(new IOException("the server closed the stream"));
                        return;
                    }
                }
            }
            fail(new IOException("the server closed the connection"));
        } catch (XMLStreamException e) {
            fail(new IOException(socket.isClosed() ? "closed" : "unreadable stream: " + e.getMessage(), e));
        }
    }

    /** Answers an iq request: this component offers no service. */
    private void refuse(String from, String to, String id) {
        if (from == null || to == null) {
            return;
        }
        String error = "<iq type='error' from='" + PresenceBurst.escape(to) + "' to='" + PresenceBurst.escape(from) + "'"
                + (id == null ? "" : " id='" + PresenceBurst.escape(id) + "'")
                + "><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
        try {
            synchronized (this) {
                out.write(error);
                out.flush();
            }
        } catch (IOException e) {
            // the connection is going away; the reader sees that next
        }
    }

    private void fail(IOException reason) {
        streamId.completeExceptionally(reason);
        accepted.completeExceptionally(reason);
        ended.completeExceptionally(reason);
    }

    private String endReason() {
        try {
            ended.getNow(null);
            return "";
        } catch (RuntimeException e) {
            return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        }
    }

    private void requireOpen() throws IOException {
        if (!isOpen()) {
            throw new IOException("The component connection is closed" + (ended.isDone() ? ": " + endReason() : ""));
        }
    }
}
