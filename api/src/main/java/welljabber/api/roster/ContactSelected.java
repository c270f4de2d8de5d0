package welljabber.api.roster;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** The user selected a contact in a list; other panes may follow the selection. */
public record ContactSelected(AccountId account, BareJid contact) implements AccountEvent {
}
