package welljabber.api.chat;

import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** How many messages from {@code peer} the user has not read yet; the roster shows it as a badge. */
public record UnreadCountChanged(AccountId account, Jid peer, int unread) implements AccountEvent {
}
