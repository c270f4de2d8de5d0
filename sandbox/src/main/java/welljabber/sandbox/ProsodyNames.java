package welljabber.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * How Prosody's internal storage names its files: {@code <data>/<host>/<store>/<user>.dat}, with the
 * host and the user escaped like Prosody's {@code util.datamanager} does: every byte of the UTF-8
 * form that is not an ASCII letter or digit becomes {@code %xx} in lower-case hex ({@code "a.b"} →
 * {@code "a%2eb"}), and store names keep their underscores.
 */
public final class ProsodyNames {

    private ProsodyNames() {
    }

    /** Escapes a user name or host as Prosody's datamanager {@code encode} does. */
    public static String encode(String text) {
        return escape(text, false);
    }

    /** Escapes a store name as Prosody's datamanager {@code store_encode} does (keeps underscores). */
    public static String encodeStore(String store) {
        return escape(store, true);
    }

    /** The file of one user's store, for example {@code data/localhost/roster/a%2eb.dat}. */
    public static Path storeFile(Path dataDirectory, String host, String store, String user) {
        return dataDirectory.resolve(encode(host)).resolve(encodeStore(store)).resolve(encode(normalizeUser(user)) + ".dat");
    }

    /** A user name as Prosody stores it (XMPP localpart preparation: lower case, validated). */
    public static String normalizeUser(String user) {
        try {
            return Localpart.from(user).toString();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid XMPP user name: " + user, e);
        }
    }

    /** A bare JID as Prosody keys it in a roster (prepared, lower case). */
    public static String normalizeBareJid(String jid) {
        try {
            BareJid bare = JidCreate.bareFrom(jid);
            return bare.toString();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid bare JID: " + jid, e);
        }
    }

    private static String escape(String text, boolean keepUnderscore) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (keepUnderscore && c == '_');
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02x", c));
            }
        }
        return out.toString();
    }
}
