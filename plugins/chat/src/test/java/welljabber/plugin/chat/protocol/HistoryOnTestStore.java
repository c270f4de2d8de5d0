package welljabber.plugin.chat.protocol;

import java.time.Clock;
import java.util.Locale;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.testsupport.XmppTestClients;
import welljabber.testsupport.storage.H2TestStorage;

/** The chat protocol over a fresh in-memory history, as the burst tests against a server of their own use it. */
final class HistoryOnTestStore implements AutoCloseable {
    static final AccountId ACCOUNT = new AccountId("me-account");

    final H2TestStorage storage = H2TestStorage.inMemory();
    final MessageStore store = new MessageStore(storage);
    final RecordingListener history = new RecordingListener();
    final ChatProtocol protocol = new ChatProtocol(store, history, history, Locale.ENGLISH, Clock.systemUTC());

    HistoryOnTestStore() {
        store.migrate();
    }

    /** The account's conversation with {@code user}@localhost. */
    static ConversationKey with(String user) {
        return new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked(user + "@localhost"));
    }

    /** "me", attached to the protocol before login (as the shell's session listener does it), logged in. */
    XMPPTCPConnection me(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.connection("me", "secret");
        protocol.attach(ACCOUNT, me);
        me.connect().login();
        return me;
    }

    /** "alice", logged in without stream management: flooding with Smack's own risks its hang on her side. */
    static XMPPTCPConnection floodingAlice(XmppTestClients clients) throws Exception {
        XMPPTCPConnection alice = clients.connection("alice", "secret");
        alice.setUseStreamManagement(false);
        alice.connect().login();
        return alice;
    }

    @Override
    public void close() throws Exception {
        protocol.detachAll();
        storage.close();
    }
}
