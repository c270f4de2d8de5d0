package welljabber.app.account;

import java.util.Objects;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;

/**
 * One XMPP account as the user configured it. The password is not part of it: it lives in a
 * {@link welljabber.app.secrets.PasswordStore} when the user asks to remember it, nowhere otherwise.
 */
public record Account(AccountId id, EntityBareJid jid, String resource, int priority, Optional<String> host,
        Optional<Integer> port, TlsMode tlsMode, boolean connectAtStart, boolean rememberPassword,
        OwnPresence presence) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(presence, "presence");
        if (priority < -128 || priority > 127) {
            throw new IllegalArgumentException("Priority must be between -128 and 127");
        }
    }

    public Account withPresence(OwnPresence newPresence) {
        return new Account(id, jid, resource, priority, host, port, tlsMode, connectAtStart, rememberPassword, newPresence);
    }
}
