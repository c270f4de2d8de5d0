package welljabber.testsupport;

import org.jxmpp.jid.EntityBareJid;

/**
 * An account created while a test runs.
 *
 * @param user     the local part
 * @param password its password
 * @param jid      {@code user@localhost}
 */
public record TestAccount(String user, String password, EntityBareJid jid) {
}
