package welljabber.app.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * An {@code xmpp:} URI after RFC 5122: an optional authority (the account to use), the address it
 * points at, and a query action such as {@code message} or {@code join}. Nothing in it is trusted:
 * a malformed URI is refused with a plain sentence.
 */
public record XmppUri(Optional<BareJid> account, Jid target, Optional<String> action, Map<String, String> parameters) {

    public static XmppUri parse(String text) {
        if (!text.regionMatches(true, 0, "xmpp:", 0, 5)) {
            throw new IllegalArgumentException("Not an xmpp: address: " + text);
        }
        String rest = text.substring(5);
        Optional<BareJid> account = Optional.empty();
        if (rest.startsWith("//")) {
            int end = rest.indexOf('/', 2);
            if (end < 0) {
                throw new IllegalArgumentException("The xmpp: address names an account but no contact: " + text);
            }
            account = Optional.of(jid(rest.substring(2, end), text).asBareJid());
            rest = rest.substring(end + 1);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        if (rest.isBlank()) {
            throw new IllegalArgumentException("The xmpp: address has no contact or room in it: " + text);
        }
        Jid target = jid(decode(rest, text), text);
        Optional<String> action = Optional.empty();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            String[] pieces = query.split(";");
            action = pieces[0].isBlank() ? Optional.empty() : Optional.of(decode(pieces[0], text));
            for (int i = 1; i < pieces.length; i++) {
                int equals = pieces[i].indexOf('=');
                if (equals > 0) {
                    parameters.put(decode(pieces[i].substring(0, equals), text), decode(pieces[i].substring(equals + 1), text));
                }
            }
        }
        return new XmppUri(account, target, action, Map.copyOf(parameters));
    }

    private static String decode(String part, String uri) {
        // RFC 5122 uses percent-encoding only; '+' is a literal plus, not a space.
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The xmpp: address contains a broken %-escape: " + uri, e);
        }
    }

    private static Jid jid(String value, String uri) {
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The xmpp: address contains an invalid Jabber ID: " + uri, e);
        }
    }
}
