package welljabber.api.presence;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** A contact's best presence across their resources changed, as the roster plugin sees it. */
public record ContactPresenceChanged(AccountId account, BareJid contact, PresenceKind kind, String status)
        implements AccountEvent {
}
