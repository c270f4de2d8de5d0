package welljabber.api.conference;

import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** Asks the conference plugin to join (or focus) a room, from an invitation, a bookmark or a URI. */
public record OpenRoomRequested(AccountId account, EntityBareJid room, Optional<String> nickname,
        Optional<String> password) implements AccountEvent {
}
