package welljabber.plugin.roster.model;

import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Checks an address the user typed for a new contact. The result names what is wrong as a key of
 * the plugin's texts, so the dialog can say it in a plain sentence.
 */
public final class AddressInput {
    private AddressInput() {
    }

    /** Either the contact's bare address or the key of the sentence saying why not. */
    public record Result(Optional<BareJid> address, String problemKey) {
        static Result ok(BareJid jid) {
            return new Result(Optional.of(jid), "");
        }

        static Result problem(String key) {
            return new Result(Optional.empty(), key);
        }

        public boolean valid() {
            return address.isPresent();
        }
    }

    /**
     * @param own the account's own bare address: adding yourself is refused
     */
    public static Result parse(String typed, BareJid own) {
        String text = typed == null ? "" : typed.strip();
        if (text.startsWith("xmpp:")) {
            text = text.substring("xmpp:".length());
            int query = text.indexOf('?');
            if (query >= 0) {
                text = text.substring(0, query);
            }
        }
        if (text.isEmpty()) {
            return Result.problem("add.error.empty");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return Result.problem("add.error.spaces");
        }
        if (text.indexOf('/') >= 0) {
            return Result.problem("add.error.resource");
        }
        if (text.startsWith("@") || text.endsWith("@") || text.indexOf('@') != text.lastIndexOf('@')) {
            return Result.problem("add.error.invalid");
        }
        Jid jid;
        try {
            jid = JidCreate.fromOrThrowUnchecked(text);
        } catch (IllegalArgumentException e) {
            return Result.problem("add.error.invalid");
        }
        // A bare domain is a legitimate contact (a gateway or a service), but "friend" alone is almost
        // always a typo for friend@server: ask for the server.
        if (!jid.hasLocalpart() && jid.getDomain().toString().indexOf('.') < 0 && !"localhost".equals(jid.getDomain().toString())) {
            return Result.problem("add.error.noDomain");
        }
        BareJid bare = jid.asBareJid();
        if (own != null && bare.equals(own)) {
            return Result.problem("add.error.self");
        }
        return Result.ok(bare);
    }
}
