package welljabber.api.chat;

import java.util.Optional;

import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/**
 * Asks whichever plugin handles one-to-one chats to open (or focus) a conversation, optionally with
 * a draft text, for example from the roster, an {@code xmpp:} URI or a room occupant.
 */
public record OpenChatRequested(AccountId account, Jid peer, Optional<String> draft) implements AccountEvent {
}
