package welljabber.plugin.roster.model;

import java.util.Objects;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;

/** A contact of one account: the same address in two accounts is two contacts. */
public record ContactKey(AccountId account, BareJid jid) {
    public ContactKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(jid, "jid");
    }
}
