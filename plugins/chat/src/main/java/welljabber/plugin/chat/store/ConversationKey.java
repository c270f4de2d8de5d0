package welljabber.plugin.chat.store;

import java.util.Objects;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;

/** One conversation: an account of ours and a contact's bare address. */
public record ConversationKey(AccountId account, BareJid peer) {
    public ConversationKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(peer, "peer");
    }
}
