package welljabber.api.presence;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** The user's own presence on an account changed and was sent to the server. */
public record OwnPresenceChanged(AccountId account, OwnPresence presence) implements AccountEvent {
}
