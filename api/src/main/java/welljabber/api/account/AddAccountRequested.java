package welljabber.api.account;

import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

/**
 * Asks the shell to add an account, for instance after an in-band registration succeeded. The shell
 * opens its account dialog filled in with these values, so the user confirms and chooses whether to
 * remember the password; the password never travels further than that dialog.
 */
public record AddAccountRequested(EntityBareJid jid, char[] password, Optional<String> host, Optional<Integer> port) {
}
