package welljabber.api.event;

import welljabber.api.account.AccountId;

/** An event that concerns one account; subscribe to this type to see all of them. */
public interface AccountEvent {
    AccountId account();
}
