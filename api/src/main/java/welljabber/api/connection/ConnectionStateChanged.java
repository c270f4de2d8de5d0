package welljabber.api.connection;

import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/**
 * An account's connection changed state. {@code message} is a plain sentence for the user, already
 * localized (why it failed, when it retries), or empty.
 */
public record ConnectionStateChanged(AccountId account, EntityBareJid jid, ConnectionState state, Optional<String> message)
        implements AccountEvent {
}
