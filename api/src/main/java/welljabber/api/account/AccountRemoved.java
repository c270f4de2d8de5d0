package welljabber.api.account;

import org.jxmpp.jid.EntityBareJid;

import welljabber.api.event.AccountEvent;

/** An account was removed from the profile; plugins drop what they keep in memory for it. */
public record AccountRemoved(AccountId account, EntityBareJid jid) implements AccountEvent {
}
