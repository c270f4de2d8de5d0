package welljabber.plugin.roster.session;

import java.util.Objects;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;

/** Someone asks to see an account's presence; {@code nickname} is what they call themselves (XEP-0172), if anything. */
public record SubscriptionRequest(AccountId account, BareJid from, String nickname) {
    public SubscriptionRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(from, "from");
        nickname = nickname == null ? "" : nickname.strip();
    }
}
