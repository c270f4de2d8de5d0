package welljabber.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The world behind WellJabber's {@code --sandbox} mode: a throwaway Prosody with the accounts
 * {@code me}, {@code alice} and {@code bob} (password {@value #PASSWORD}), all mutual contacts in
 * the groups "Friends" and "Work"; a room {@code lobby@conference.localhost}; and alice online as a
 * {@link DemoBot} that echoes messages and keeps the room. The app logs in as {@code me} with
 * {@link #login()}. Closing it closes the bot and stops the server.
 */
public final class DemoWorld implements AutoCloseable {

    public static final String ME = "me";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    /** The password of every demo account. */
    public static final String PASSWORD = "sandbox";
    /** The demo room's local part. */
    public static final String LOBBY = "lobby";

    private final ProsodyServer server;
    private final DemoBot bot;

    private DemoWorld(ProsodyServer server, DemoBot bot) {
        this.server = server;
        this.bot = bot;
    }

    /** Starts the demo world. */
    public static DemoWorld start() throws IOException, InterruptedException {
        return start(options -> { });
    }

    /** Starts the demo world with changed options (for example a longer start timeout). */
    public static DemoWorld start(Consumer<ProsodyOptions.Builder> customize) throws IOException, InterruptedException {
        ProsodyOptions.Builder options = ProsodyOptions.builder()
                .account(ME, PASSWORD).account(ALICE, PASSWORD).account(BOB, PASSWORD)
                .muc(true).mucRoomsPersistent(true)
                .roster(ME, RosterEntry.mutual(jid(ALICE), "Alice", "Friends"), RosterEntry.mutual(jid(BOB), "Bob", "Work"))
                .roster(ALICE, RosterEntry.mutual(jid(ME), "Me", "Friends"), RosterEntry.mutual(jid(BOB), "Bob", "Friends"))
                .roster(BOB, RosterEntry.mutual(jid(ME), "Me", "Work"), RosterEntry.mutual(jid(ALICE), "Alice", "Friends"));
        customize.accept(options);
        ProsodyServer server = ProsodyServer.start(options.build());
        try {
            DemoBot bot = DemoBot.connect(server, ALICE, PASSWORD, lobbyJid(), "Alice (bot)");
            return new DemoWorld(server, bot);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** What the app needs to log in as {@code me}. */
    public SandboxLogin login() {
        return login(ME);
    }

    /** What a client needs to log in as one of the demo accounts. */
    public SandboxLogin login(String user) {
        if (!List.of(ME, ALICE, BOB).contains(user)) {
            throw new IllegalArgumentException("No demo account " + user);
        }
        return new SandboxLogin(jid(user), PASSWORD, server.host(), server.c2sPort(), server.certificateSha256Fingerprint(),
                server.certificate());
    }

    /** The demo room, {@code lobby@conference.localhost}. */
    public EntityBareJid lobby() {
        return lobbyJid();
    }

    public ProsodyServer server() {
        return server;
    }

    public DemoBot bot() {
        return bot;
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            server.stop();
        }
    }

    private static String jid(String user) {
        return user + "@" + ProsodyServer.DOMAIN;
    }

    private static EntityBareJid lobbyJid() {
        try {
            return JidCreate.entityBareFrom(LOBBY + "@" + ProsodyServer.MUC_DOMAIN);
        } catch (XmppStringprepException e) {
            throw new IllegalStateException(e);
        }
    }
}
