package welljabber.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.api.connection.SessionListener;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.app.account.Account;
import welljabber.app.account.AccountRepository;
import welljabber.app.account.TlsMode;
import welljabber.app.event.TypedEventBus;
import welljabber.app.storage.Database;
import welljabber.app.tls.PinnedCertificates;

/**
 * Which connections a session listener hears of. The account connects to a loopback socket that accepts and
 * never answers, so its connection stays in the middle of logging in for as long as a test needs.
 */
class SessionsTest {
    private static final AccountId ME = new AccountId("me-id");

    @TempDir
    Path folder;
    private Database database;
    private ExecutorService background;
    private Sessions sessions;
    private ServerSocket silentServer;
    private final LinkedBlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private Account account;

    @BeforeEach
    void start() throws Exception {
        database = Database.open(folder.resolve("welljabber"));
        background = Executors.newVirtualThreadPerTaskExecutor();
        sessions = new Sessions(background, new PinnedCertificates(database), new TypedEventBus(Runnable::run, background),
                Throwable::toString, () -> false);
        silentServer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!silentServer.isClosed()) {
                try {
                    accepted.add(silentServer.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        account = new Account(ME, JidCreate.entityBareFrom("me@localhost"), "test", 0, Optional.of("127.0.0.1"),
                Optional.of(silentServer.getLocalPort()), TlsMode.REQUIRED, false, false, new OwnPresence(PresenceKind.AVAILABLE, ""));
        new AccountRepository(database).save(account);
    }

    @AfterEach
    void stop() throws Exception {
        silentServer.close();
        for (Socket socket : accepted) {
            socket.close();
        }
        sessions.disconnectAll();
        sessions.awaitQuiet(Duration.ofSeconds(10));
        background.shutdownNow();
        database.close();
    }

    @Test
    void aListenerThatComesWhileAnAccountLogsInHearsOfThatConnectionAndOfItsEnd() throws Exception {
        sessions.connect(account, "secret".toCharArray());
        Socket server = accepted.poll(10, TimeUnit.SECONDS);
        assertTrue(server != null, "the account connected to the silent server");

        Recorder late = new Recorder();
        sessions.addSessionListener(late);

        assertEquals(1, late.created.size(), "told of the connection still logging in");
        assertEquals(ME, late.created.getFirst().account());
        server.close(); // the login fails, and the connection is given up
        sessions.awaitQuiet(Duration.ofSeconds(10));
        assertEquals(1, late.disposed.size(), "told it ended");
        assertSame(late.created.getFirst().connection(), late.disposed.getFirst().connection());
    }

    @Test
    void eachListenerHearsOfAConnectionOnceWhenItCameBeforeOrAfter() throws Exception {
        Recorder early = new Recorder();
        sessions.addSessionListener(early);
        sessions.connect(account, "secret".toCharArray());
        Socket server = accepted.poll(10, TimeUnit.SECONDS);
        assertTrue(server != null, "the account connected to the silent server");
        Recorder late = new Recorder();
        sessions.addSessionListener(late);

        assertEquals(1, early.created.size());
        assertEquals(1, late.created.size());
        assertSame(early.created.getFirst().connection(), late.created.getFirst().connection());
        server.close();
        sessions.awaitQuiet(Duration.ofSeconds(10));
        assertEquals(1, early.disposed.size());
        assertEquals(1, late.disposed.size());
    }

    @Test
    void aListenerThatLeftHearsNothingMore() throws Exception {
        Recorder gone = new Recorder();
        sessions.addSessionListener(gone).close();
        sessions.connect(account, "secret".toCharArray());
        Socket server = accepted.poll(10, TimeUnit.SECONDS);
        assertTrue(server != null, "the account connected to the silent server");
        server.close();
        sessions.awaitQuiet(Duration.ofSeconds(10));

        assertEquals(List.of(), gone.created);
        assertEquals(List.of(), gone.disposed);
    }

    private record Told(AccountId account, XMPPConnection connection) {
    }

    private static final class Recorder implements SessionListener {
        final List<Told> created = new CopyOnWriteArrayList<>();
        final List<Told> disposed = new CopyOnWriteArrayList<>();

        @Override
        public void connectionCreated(AccountId account, EntityBareJid jid, XMPPConnection connection) {
            created.add(new Told(account, connection));
        }

        @Override
        public void connectionDisposed(AccountId account, XMPPConnection connection) {
            disposed.add(new Told(account, connection));
        }
    }
}
