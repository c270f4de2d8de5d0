package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import welljabber.sandbox.ProsodyServer;

/** One server per class: the same one in lifecycle methods, constructors, tests and nested classes. */
@WithProsody(accounts = "frank:frank-secret", muc = false)
class ExtensionLifecycleTest {

    private static final AtomicReference<ProsodyServer> FROM_BEFORE_ALL = new AtomicReference<>();
    private final ProsodyServer fromConstructor;

    ExtensionLifecycleTest(ProsodyServer server) {
        this.fromConstructor = server;
    }

    @BeforeAll
    static void remember(ProsodyServer server) {
        FROM_BEFORE_ALL.set(server);
    }

    @Test
    void everyInjectionPointGetsTheSameRunningServer(ProsodyServer server) {
        assertSame(FROM_BEFORE_ALL.get(), server);
        assertSame(fromConstructor, server);
        assertTrue(server.isRunning());
        assertEquals("frank-secret", server.password("frank"));
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheEnclosingServer(ProsodyServer server) {
            assertSame(FROM_BEFORE_ALL.get(), server);
        }
    }

    @Nested
    @WithProsody(accounts = "gina:gina-secret", muc = false)
    class NestedWithItsOwnServer {
        @Test
        void getsAnotherServer(ProsodyServer server, XmppTestClients clients) throws Exception {
            assertTrue(server != FROM_BEFORE_ALL.get());
            assertTrue(clients.login("gina").isAuthenticated());
        }
    }
}
