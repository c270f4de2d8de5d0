package welljabber.app.account;

import java.util.Optional;
import java.util.UUID;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;

/**
 * What the account dialog collects, as text, and its validation: the dialog stays free of rules,
 * and the rules are testable without a window. Errors are message keys, not sentences.
 */
public record AccountForm(Optional<AccountId> existing, String jid, String host, String port, String resource,
        String priority, TlsMode tlsMode, boolean connectAtStart, boolean rememberPassword, OwnPresence presence) {

    public static final String DEFAULT_RESOURCE = "WellJabber";

    /** The outcome: an account, or the key of the first thing wrong and the field it concerns. */
    public sealed interface Result {
        record Valid(Account account) implements Result {
        }

        record Invalid(String field, String messageKey) implements Result {
        }
    }

    public static AccountForm from(Account account) {
        return new AccountForm(Optional.of(account.id()), account.jid().toString(), account.host().orElse(""),
                account.port().map(String::valueOf).orElse(""), account.resource(), String.valueOf(account.priority()),
                account.tlsMode(), account.connectAtStart(), account.rememberPassword(), account.presence());
    }

    public static AccountForm empty() {
        return new AccountForm(Optional.empty(), "", "", "", DEFAULT_RESOURCE, "0", TlsMode.REQUIRED, true, true,
                new OwnPresence(PresenceKind.AVAILABLE, ""));
    }

    public Result validate() {
        EntityBareJid bare;
        String trimmedJid = jid.strip();
        if (trimmedJid.isEmpty()) {
            return new Result.Invalid("jid", "account.error.jidMissing");
        }
        if (trimmedJid.contains("/")) {
            return new Result.Invalid("jid", "account.error.jidResource");
        }
        if (!trimmedJid.contains("@")) {
            return new Result.Invalid("jid", "account.error.jidInvalid");
        }
        try {
            bare = JidCreate.entityBareFrom(trimmedJid);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return new Result.Invalid("jid", "account.error.jidInvalid");
        }
        if (!plausibleDomain(bare.getDomain().toString())) {
            // jxmpp's lenient stringprep lets "a@b@c" and "alice@exa mple.org" through as domainparts.
            return new Result.Invalid("jid", "account.error.jidInvalid");
        }
        Optional<String> hostValue = host.isBlank() ? Optional.empty() : Optional.of(host.strip());
        if (hostValue.isPresent() && !hostValue.get().matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            return new Result.Invalid("host", "account.error.hostInvalid");
        }
        Optional<Integer> portValue = Optional.empty();
        if (!port.isBlank()) {
            try {
                int number = Integer.parseInt(port.strip());
                if (number < 1 || number > 65535) {
                    return new Result.Invalid("port", "account.error.portInvalid");
                }
                portValue = Optional.of(number);
            } catch (NumberFormatException e) {
                return new Result.Invalid("port", "account.error.portInvalid");
            }
        }
        int priorityValue;
        try {
            priorityValue = priority.isBlank() ? 0 : Integer.parseInt(priority.strip());
        } catch (NumberFormatException e) {
            return new Result.Invalid("priority", "account.error.priorityInvalid");
        }
        if (priorityValue < -128 || priorityValue > 127) {
            return new Result.Invalid("priority", "account.error.priorityInvalid");
        }
        String resourceValue = resource.isBlank() ? DEFAULT_RESOURCE : resource.strip();
        AccountId id = existing.orElseGet(() -> new AccountId(UUID.randomUUID().toString()));
        return new Result.Valid(new Account(id, bare, resourceValue, priorityValue, hostValue, portValue, tlsMode,
                connectAtStart, rememberPassword, presence));
    }

    /**
     * RFC 7622 domainparts are host names (IDNA) or IP literals: in ASCII only letters, digits, '-',
     * '.', and the brackets and colons of an IPv6 literal; other scripts are left to the server.
     */
    private static boolean plausibleDomain(String domain) {
        return !domain.isEmpty() && domain.codePoints().allMatch(c -> c > 127
                ? !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c)
                : Character.isLetterOrDigit(c) || "-.[]:".indexOf(c) >= 0);
    }
}
