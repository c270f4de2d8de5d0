package welljabber.api.account;

import org.jxmpp.jid.EntityBareJid;

import welljabber.api.event.AccountEvent;

/** An account was added to the profile (by the user, by a registration, by the sandbox). */
public record AccountAdded(AccountId account, EntityBareJid jid) implements AccountEvent {
}
