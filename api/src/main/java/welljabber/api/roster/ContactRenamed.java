package welljabber.api.roster;

import java.util.Optional;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/**
 * The user gave a contact a new name in this client, and the server took it (since api 1.3). Published
 * because Smack tells no roster listener about a change its own client made: another plugin showing the
 * name (a chat tab's title) would otherwise keep the old one. A rename made by another client of the
 * user reaches Smack's roster listeners as a roster push instead. Empty name: the user removed it and
 * the address is shown.
 */
public record ContactRenamed(AccountId account, BareJid contact, Optional<String> name) implements AccountEvent {
    public ContactRenamed {
        java.util.Objects.requireNonNull(account, "account");
        java.util.Objects.requireNonNull(contact, "contact");
        java.util.Objects.requireNonNull(name, "name");
    }
}
