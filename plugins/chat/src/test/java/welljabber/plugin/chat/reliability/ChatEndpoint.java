package welljabber.plugin.chat.reliability;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.protocol.Archive;
import welljabber.plugin.chat.protocol.ChatProtocol;
import welljabber.plugin.chat.protocol.HistoryListener;
import welljabber.plugin.chat.protocol.Outbox;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.api.storage.PluginStorage;

/**
 * The chat plugin's protocol side and history for one account, without the shell, as the reliability
 * tests and the kill-test client run it: a real Smack connection with stream management, a real H2,
 * and after each login the outbox flushed and the archive caught up, as the plugin does on CONNECTED.
 */
public final class ChatEndpoint implements AutoCloseable {
    private final AccountId account;
    private final XMPPTCPConnection connection;
    private final MessageStore store;
    private final ChatProtocol protocol;
    private final Outbox outbox;
    private final Archive archive;
    private final ExecutorService flusher = Executors.newSingleThreadExecutor();
    private volatile Runnable caughtUp = () -> { };

    public ChatEndpoint(AccountId account, XMPPTCPConnection connection, PluginStorage storage) {
        this.account = account;
        this.connection = connection;
        this.store = new MessageStore(storage);
        store.migrate();
        store.requeueUnconfirmed();
        HistoryListener quiet = new HistoryListener() {
            @Override
            public void added(StoredMessage message) {
            }

            @Override
            public void changed(StoredMessage message) {
            }
        };
        this.protocol = new ChatProtocol(store, quiet, (key, state) -> { }, Locale.ENGLISH, Clock.systemUTC());
        this.outbox = new Outbox(store, quiet,
                id -> connection.isAuthenticated() ? Optional.<XMPPConnection>of(connection) : Optional.empty(),
                Clock.systemUTC(), () -> false, Locale.ENGLISH);
        this.archive = new Archive(protocol, store,
                id -> connection.isAuthenticated() ? Optional.<XMPPConnection>of(connection) : Optional.empty(), Clock.systemUTC());
        connection.setUseStreamManagement(true);
        connection.setUseStreamManagementResumption(true);
        protocol.attach(account, connection);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection authenticated, boolean resumed) {
                flusher.execute(() -> {
                    outbox.flush(account);
                    try {
                        archive.catchUp(account);
                    } catch (InterruptedException stop) {
                        return;
                    }
                    caughtUp.run();
                });
            }
        });
    }

    /** Runs after each catch-up from the archive that follows a login. */
    public void onCaughtUp(Runnable then) {
        this.caughtUp = then;
    }

    public AccountId account() {
        return account;
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    public MessageStore store() {
        return store;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** As the chat plugin stops at exit: what had arrived is stored, or storing has stopped, before the database closes. */
    @Override
    public void close() {
        try {
            protocol.detachAll(Duration.ofSeconds(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        flusher.shutdownNow();
    }
}
