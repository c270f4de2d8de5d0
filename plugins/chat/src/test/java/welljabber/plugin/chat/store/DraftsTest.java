package welljabber.plugin.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.testsupport.storage.H2TestStorage;

class DraftsTest {
    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final Drafts drafts = new Drafts(storage);
    private final ConversationKey alice = new ConversationKey(new AccountId("acc-1"), JidCreate.bareFromOrThrowUnchecked("alice@localhost"));
    private final ConversationKey aliceOnOtherAccount = new ConversationKey(new AccountId("acc-2"),
            JidCreate.bareFromOrThrowUnchecked("alice@localhost"));

    DraftsTest() {
        new MessageStore(storage).migrate();
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    @Test
    void aDraftIsKeptPerConversationAndReplacedByTheNextOne() {
        assertEquals(Optional.empty(), drafts.of(alice));
        drafts.save(alice, "first words");
        drafts.save(alice, "first words\nand a second line 你好");
        drafts.save(aliceOnOtherAccount, "elsewhere");
        assertEquals(Optional.of("first words\nand a second line 你好"), drafts.of(alice));
        assertEquals(Optional.of("elsewhere"), drafts.of(aliceOnOtherAccount));
    }

    @Test
    void anEmptiedInputLeavesNoDraft() {
        drafts.save(alice, "soon sent");
        drafts.save(alice, "");
        assertEquals(Optional.empty(), drafts.of(alice));
        drafts.save(alice, "again");
        drafts.save(alice, "  \n ");
        assertEquals(Optional.empty(), drafts.of(alice));
    }
}
