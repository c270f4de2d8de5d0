package welljabber.api.conference;

import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** Someone invited the user into a room (XEP-0249 direct or XEP-0045 mediated invitation). */
public record RoomInvitationReceived(AccountId account, EntityBareJid room, Jid inviter, Optional<String> reason,
        Optional<String> password) implements AccountEvent {
}
