package welljabber.plugin.chat;

import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** What the user typed as someone to write to: a bare address with a local part, or nothing. */
final class ChatAddress {
    private ChatAddress() {
    }

    static Optional<EntityBareJid> parse(String typed) {
        String text = typed.strip();
        if (text.regionMatches(true, 0, "xmpp:", 0, 5)) {
            text = text.substring(5);
        }
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        try {
            return Optional.of(JidCreate.entityBareFrom(text));
        } catch (XmppStringprepException | IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
