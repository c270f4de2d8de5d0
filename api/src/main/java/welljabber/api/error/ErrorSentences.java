package welljabber.api.error;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.packet.AbstractError;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.util.rce.RemoteConnectionEndpoint;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;

/**
 * Turns XMPP errors and connection failures into one short, plain sentence a user can read, in
 * English or Simplified Chinese.
 *
 * <p>Every method returns a non-blank sentence and never throws for a {@code null} argument: a
 * {@code null} condition, error or throwable gives the generic sentence, a {@code null} locale means
 * {@link Locale#getDefault()}. Sentences never contain a stack trace, a class name or a raw
 * exception message. Text that came from the network (the optional human-readable text of an
 * error) is only ever appended after {@linkplain #sanitize(String) sanitizing} it.
 *
 * <p>Language: a Simplified Chinese locale ({@code zh}, {@code zh_CN}, {@code zh_SG}, {@code zh_Hans},
 * {@code zh_Hans_CN}, ...) gets Chinese; every other locale, including Traditional Chinese ones
 * ({@code zh_TW}, {@code zh_HK}, {@code zh_Hant}), gets English. The choice depends only on the
 * locale passed in, never on the JVM's default locale.
 *
 * <p>The sentences live in the resource bundles {@code welljabber/api/error/errors.properties}
 * (English, the base bundle) and {@code errors_zh_CN.properties}. Keys are grouped by prefix:
 * {@code condition.*} (stanza error conditions, named after {@link StanzaError.Condition} constants),
 * {@code legacy.*} (legacy numeric codes without a modern condition), {@code sasl.*}
 * ({@link SASLError} constants), {@code stream.*} ({@link StreamError.Condition} constants),
 * {@code message.*} (a message of ours that came back, by condition), {@code connection.*},
 * {@code tls.*}, {@code login.*} and a few single words ({@code generic},
 * {@code no_response}, {@code interrupted}, {@code server_text}).
 */
public final class ErrorSentences {

    /** The longest piece of server-supplied text, in code points, that is ever shown (an ellipsis may follow). */
    public static final int MAX_SERVER_TEXT_LENGTH = 200;

    private static final String BUNDLE = "welljabber.api.error.errors";
    private static final String ELLIPSIS = "\u2026";
    private static final int MAX_CAUSE_CHAIN = 32;
    private static final int MAX_NESTING = 4;

    /** How much an explanation found in a cause chain says; the most telling one wins. */
    private static final int WEAK = 1;
    private static final int STRONG = 2;
    private static final int SPECIFIC = 3;

    /** When several server addresses failed, the reason a user can act on best comes first. */
    private static final List<String> ENDPOINT_PREFERENCE = List.of(
            "tls.certificate_expired", "tls.certificate_not_yet_valid", "tls.certificate_untrusted",
            "tls.failed", "connection.refused", "connection.timeout", "connection.no_route",
            "connection.lost", "connection.unknown_host");

    private ErrorSentences() {
    }

    // ------------------------------------------------------------------ stanza error conditions

    /**
     * The sentence for an RFC 6120 stanza error condition.
     *
     * @param condition the condition; {@code null} gives the generic sentence
     * @param locale the language wanted; {@code null} means the default locale
     * @return a short sentence for end users
     */
    public static String forCondition(StanzaError.Condition condition, Locale locale) {
        if (condition == null) {
            return text(locale, "generic");
        }
        return text(locale, "condition." + condition.name());
    }

    /** {@link #forCondition(StanzaError.Condition, Locale)} in the default locale. */
    public static String forCondition(StanzaError.Condition condition) {
        return forCondition(condition, null);
    }

    // ------------------------------------------------------------------ legacy numeric codes

    /**
     * The sentence for a legacy numeric error code (the {@code code} attribute old servers send),
     * mapped to its modern condition as XEP-0086 does: 302 redirect, 400 bad-request,
     * 401 not-authorized, 402 payment-required, 403 forbidden, 404 item-not-found, 405 not-allowed,
     * 406 not-acceptable, 407 registration-required, 408 remote-server-timeout, 409 conflict,
     * 500 internal-server-error, 501 feature-not-implemented, 502, 503 and 510 service-unavailable,
     * 504 remote-server-timeout. Any other code gives a sentence naming the code and suggesting the
     * server administrator.
     *
     * @param code the legacy code
     * @param locale the language wanted; {@code null} means the default locale
     * @return a short sentence for end users
     */
    public static String forLegacyCode(int code, Locale locale) {
        StanzaError.Condition condition = conditionForLegacyCode(code);
        if (condition != null) {
            return forCondition(condition, locale);
        }
        if (code == 402) {
            return text(locale, "legacy.payment_required");
        }
        return format(locale, "legacy.unknown", Integer.toString(code));
    }

    /** {@link #forLegacyCode(int, Locale)} in the default locale. */
    public static String forLegacyCode(int code) {
        return forLegacyCode(code, null);
    }

    /**
     * The modern condition XEP-0086 gives for a legacy code, or {@code null} when there is none
     * (402 payment-required has no counterpart in Smack, unknown codes have none at all).
     */
    public static StanzaError.Condition conditionForLegacyCode(int code) {
        return switch (code) {
            case 302 -> StanzaError.Condition.redirect;
            case 400 -> StanzaError.Condition.bad_request;
            case 401 -> StanzaError.Condition.not_authorized;
            case 403 -> StanzaError.Condition.forbidden;
            case 404 -> StanzaError.Condition.item_not_found;
            case 405 -> StanzaError.Condition.not_allowed;
            case 406 -> StanzaError.Condition.not_acceptable;
            case 407 -> StanzaError.Condition.registration_required;
            case 408, 504 -> StanzaError.Condition.remote_server_timeout;
            case 409 -> StanzaError.Condition.conflict;
            case 500 -> StanzaError.Condition.internal_server_error;
            case 501 -> StanzaError.Condition.feature_not_implemented;
            case 502, 503, 510 -> StanzaError.Condition.service_unavailable;
            default -> null;
        };
    }

    /**
     * The sentence for an error given by name: the names of the old Jabber error list ("Bad Request",
     * "Unauthorized", "Payment Required", "Forbidden", "Not Found", "Not Allowed", "Not Acceptable",
     * "Registration Required", "Request Timeout", "Conflict", "Internal Server Error",
     * "Not Implemented", "Remote Server Error", "Service Unavailable", "Remote Server Timeout",
     * "Disconnected", "Invalid Parameter") or an RFC 6120 condition name such as
     * {@code item-not-found}. Case, spaces, hyphens and underscores do not matter. An unknown or
     * {@code null} name gives the generic sentence.
     */
    public static String forLegacyName(String name, Locale locale) {
        if (name == null) {
            return text(locale, "generic");
        }
        String normalized = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        return switch (normalized) {
            case "unauthorized" -> forLegacyCode(401, locale);
            case "payment_required" -> forLegacyCode(402, locale);
            case "not_found" -> forLegacyCode(404, locale);
            case "request_timeout" -> forLegacyCode(408, locale);
            case "not_implemented" -> forLegacyCode(501, locale);
            case "remote_server_error" -> forLegacyCode(502, locale);
            case "disconnected" -> forLegacyCode(510, locale);
            case "invalid_parameter" -> text(locale, "legacy.invalid_parameter");
            default -> {
                StanzaError.Condition condition = conditionNamed(normalized);
                yield condition == null ? text(locale, "generic") : forCondition(condition, locale);
            }
        };
    }

    // ------------------------------------------------------------------ stanza errors

    /**
     * The sentence for a stanza error: the sentence of its condition, followed by the error's own
     * human-readable text if it has one. That text comes from the network, so it is
     * {@linkplain #sanitize(String) sanitized} and capped first.
     *
     * @param error the error; {@code null} gives the generic sentence
     * @param locale the language wanted; {@code null} means the default locale
     * @return a short sentence for end users
     */
    public static String forStanzaError(StanzaError error, Locale locale) {
        if (error == null) {
            return text(locale, "generic");
        }
        return withServerText(forCondition(error.getCondition(), locale), error, locale);
    }

    /** {@link #forStanzaError(StanzaError, Locale)} in the default locale. */
    public static String forStanzaError(StanzaError error) {
        return forStanzaError(error, null);
    }

    /**
     * The sentence for a message of ours that came back as an error: what it means for that message,
     * not for a request in general. {@code service-unavailable}, for example, is what a server answers
     * both for an address with no account behind it and for a contact who is offline when it keeps no
     * offline messages (RFC 6121, section 8.5), so the sentence says so instead of "this service is
     * not available". Conditions without a message-specific sentence get {@link #forStanzaError}'s.
     * The error's own text, if any, follows, sanitized.
     *
     * @param error the error the message came back with; {@code null} gives a generic "not delivered" sentence
     * @param locale the language wanted; {@code null} means the default locale
     * @return a short sentence for end users
     * @since 1.2
     */
    public static String forUndeliveredMessage(StanzaError error, Locale locale) {
        if (error == null || error.getCondition() == null) {
            return text(locale, "message.undelivered");
        }
        String key = "message." + error.getCondition().name();
        if (!bundle(locale).containsKey(key)) {
            return forStanzaError(error, locale);
        }
        return withServerText(text(locale, key), error, locale);
    }

    // ------------------------------------------------------------------ stream and SASL errors

    /** The sentence for a stream error condition (the server closing the whole connection). */
    public static String forStreamCondition(StreamError.Condition condition, Locale locale) {
        if (condition == null) {
            return text(locale, "stream.undefined_condition");
        }
        String key = switch (condition) {
            case conflict, see_other_host, system_shutdown, host_unknown, host_gone, not_authorized,
                    policy_violation, connection_timeout, resource_constraint, reset,
                    remote_connection_failed, internal_server_error, unsupported_version ->
                    "stream." + condition.name();
            case bad_format, bad_namespace_prefix, improper_addressing, invalid_from, invalid_namespace,
                    invalid_xml, not_well_formed, restricted_xml, unsupported_encoding,
                    unsupported_feature, unsupported_stanza_type -> "stream.protocol_error";
            default -> "stream.undefined_condition";
        };
        return text(locale, key);
    }

    /** The sentence for a stream error, with the server's own text appended if it gave one. */
    public static String forStreamError(StreamError error, Locale locale) {
        if (error == null) {
            return text(locale, "stream.undefined_condition");
        }
        return withServerText(forStreamCondition(error.getCondition(), locale), error, locale);
    }

    /** The sentence for a SASL failure condition (signing in was refused). */
    public static String forSaslError(SASLError error, Locale locale) {
        if (error == null) {
            return text(locale, "sasl.failed");
        }
        return text(locale, "sasl." + error.name());
    }

    // ------------------------------------------------------------------ throwables

    /**
     * One plain sentence for a failure: connecting, securing the connection, signing in, or an
     * error answer to a request. The whole cause chain is examined and the most telling reason in
     * it is used, so a {@link ConnectException} wrapped twice still reads "cannot connect". Known
     * cases: unknown host, connection refused, no route, time-outs (socket and
     * {@link SmackException.NoResponseException}), TLS and certificate problems,
     * {@link SASLErrorException}, {@link SmackException.SecurityRequiredByClientException} and
     * {@link SmackException.SecurityRequiredByServerException},
     * {@link SmackException.EndpointConnectionException} (every failed address is looked at),
     * {@link SmackException.NotConnectedException}, {@link XMPPException.XMPPErrorException},
     * {@link XMPPException.StreamErrorException} and interruption. Anything else gives a generic
     * sentence.
     *
     * @param throwable the failure; {@code null} gives the generic sentence
     * @param locale the language wanted; {@code null} means the default locale
     * @return a short sentence for end users, never a stack trace
     */
    public static String forThrowable(Throwable throwable, Locale locale) {
        Explanation explanation = explainChain(throwable, locale, 0);
        return explanation != null ? explanation.sentence() : text(locale, "generic");
    }

    /** {@link #forThrowable(Throwable, Locale)} in the default locale. */
    public static String forThrowable(Throwable throwable) {
        return forThrowable(throwable, null);
    }

    private record Explanation(int strength, String key, String sentence) {
    }

    private static Explanation explainChain(Throwable top, Locale locale, int nesting) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Explanation best = null;
        for (Throwable t = top; t != null && seen.size() < MAX_CAUSE_CHAIN && seen.add(t); t = t.getCause()) {
            Explanation found = explainOne(t, locale, nesting);
            if (found != null && (best == null || found.strength() > best.strength())) {
                best = found;
            }
        }
        return best;
    }

    private static Explanation explainOne(Throwable t, Locale locale, int nesting) {
        // Errors the server (or a peer) reported.
        if (t instanceof XMPPException.XMPPErrorException e) {
            return strong("stanza", forStanzaError(e.getStanzaError(), locale));
        }
        if (t instanceof XMPPException.StreamErrorException e) {
            return strong("stream", forStreamError(e.getStreamError(), locale));
        }
        if (t instanceof SASLErrorException e) {
            SaslNonza.SASLFailure failure = e.getSASLFailure();
            if (failure == null) {
                return strong("sasl.failed", text(locale, "sasl.failed"));
            }
            return strong("sasl", withServerText(forSaslError(failure.getSASLError(), locale), failure, locale));
        }
        if (t instanceof XMPPException.FailedNonzaException e && e.getCondition() != null) {
            return strong("condition", forCondition(e.getCondition(), locale));
        }
        // An address that does not parse: what a user typed, or one stored before addresses were checked. Weak:
        // inside a failure that has a better explanation (a server's answer that did not parse), that one wins.
        if (t instanceof XmppStringprepException) {
            return new Explanation(WEAK, "condition.jid_malformed", forCondition(StanzaError.Condition.jid_malformed, locale));
        }
        // Smack's own connection and login failures.
        if (t instanceof SmackException.SecurityRequiredByClientException) {
            return strong("tls.required_by_client", locale);
        }
        if (t instanceof SmackException.SecurityRequiredByServerException) {
            return strong("tls.required_by_server", locale);
        }
        if (t instanceof SmackException.SecurityNotPossibleException) {
            return new Explanation(WEAK, "tls.failed", text(locale, "tls.failed"));
        }
        if (t instanceof SmackException.SmackCertificateException) {
            return strong("tls.certificate_untrusted", locale);
        }
        if (t instanceof SmackException.EndpointConnectionException e) {
            return explainEndpoints(e, locale, nesting);
        }
        if (t instanceof SmackException.NoEndpointsDiscoveredException) {
            return strong("connection.unknown_host", locale);
        }
        if (t instanceof SmackException.NoResponseException) {
            return strong("no_response", locale);
        }
        if (t instanceof SmackException.NotLoggedInException) {
            return strong("login.not_signed_in", locale);
        }
        if (t instanceof SmackException.ResourceBindingNotOfferedException) {
            return strong("login.incompatible_server", locale);
        }
        if (t instanceof SmackException.SmackSaslException) {
            return new Explanation(WEAK, "sasl.failed", text(locale, "sasl.failed"));
        }
        if (t instanceof SmackException.NotConnectedException) {
            return new Explanation(WEAK, "connection.not_connected", text(locale, "connection.not_connected"));
        }
        // The network and TLS underneath.
        if (t instanceof UnknownHostException) {
            return strong("connection.unknown_host", locale);
        }
        if (t instanceof ConnectException) {
            return strong("connection.refused", locale);
        }
        if (t instanceof NoRouteToHostException) {
            return strong("connection.no_route", locale);
        }
        if (t instanceof SocketTimeoutException) {
            return strong("connection.timeout", locale);
        }
        if (t instanceof CertificateExpiredException) {
            return new Explanation(SPECIFIC, "tls.certificate_expired", text(locale, "tls.certificate_expired"));
        }
        if (t instanceof CertificateNotYetValidException) {
            return new Explanation(SPECIFIC, "tls.certificate_not_yet_valid",
                    text(locale, "tls.certificate_not_yet_valid"));
        }
        if (t instanceof CertificateException) {
            return strong("tls.certificate_untrusted", locale);
        }
        if (t instanceof SSLHandshakeException || t instanceof SSLException) {
            return new Explanation(WEAK, "tls.failed", text(locale, "tls.failed"));
        }
        if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                || t instanceof InterruptedIOException) {
            return strong("interrupted", locale);
        }
        // A stream cut off in the middle (the server went away, the network dropped) reaches Smack first as
        // XML that ends too early (XmlPullParserException): for the user, the connection was lost.
        if (t instanceof SocketException || t instanceof EOFException || t instanceof XmlPullParserException) {
            return new Explanation(WEAK, "connection.lost", text(locale, "connection.lost"));
        }
        return null;
    }

    /** Smack 4.4 reports one failure per server address tried; pick the one a user can act on. */
    private static Explanation explainEndpoints(SmackException.EndpointConnectionException e, Locale locale,
            int nesting) {
        Explanation best = null;
        if (nesting < MAX_NESTING) {
            List<? extends RemoteConnectionException<? extends RemoteConnectionEndpoint>> failures =
                    e.getConnectionExceptions();
            if (failures != null) {
                for (RemoteConnectionException<? extends RemoteConnectionEndpoint> failure : failures) {
                    Explanation found = failure == null ? null : explainChain(failure.getException(), locale, nesting + 1);
                    if (found != null && better(found, best)) {
                        best = found;
                    }
                }
            }
        }
        if (best != null) {
            return new Explanation(Math.max(best.strength(), STRONG), best.key(), best.sentence());
        }
        boolean onlyLookupFailed = (e.getConnectionExceptions() == null || e.getConnectionExceptions().isEmpty())
                && e.getLookupFailures() != null && !e.getLookupFailures().isEmpty();
        return strong(onlyLookupFailed ? "connection.unknown_host" : "connection.failed", locale);
    }

    private static boolean better(Explanation candidate, Explanation current) {
        if (current == null) {
            return true;
        }
        if (candidate.strength() != current.strength()) {
            return candidate.strength() > current.strength();
        }
        return rank(candidate.key()) < rank(current.key());
    }

    private static int rank(String key) {
        int index = ENDPOINT_PREFERENCE.indexOf(key);
        return index < 0 ? ENDPOINT_PREFERENCE.size() : index;
    }

    private static Explanation strong(String key, Locale locale) {
        return new Explanation(STRONG, key, text(locale, key));
    }

    private static Explanation strong(String key, String sentence) {
        return new Explanation(STRONG, key, sentence);
    }

    // ------------------------------------------------------------------ untrusted text

    /**
     * Makes text that came from the network safe to show inside one of our sentences: control and
     * invisible formatting characters (including bidirectional overrides) are removed, line breaks
     * and other white space become single spaces, the ends are trimmed, and the result is cut to
     * {@link #MAX_SERVER_TEXT_LENGTH} code points followed by an ellipsis if it was longer.
     *
     * @param untrusted text from a server or peer; may be {@code null}
     * @return the cleaned text, possibly empty, never {@code null}
     */
    public static String sanitize(String untrusted) {
        if (untrusted == null || untrusted.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX_SERVER_TEXT_LENGTH * 2));
        int codePoints = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < untrusted.length(); ) {
            int cp = untrusted.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isInvisibleOrControl(cp)) {
                continue;
            }
            int needed = pendingSpace ? 2 : 1;
            if (codePoints + needed > MAX_SERVER_TEXT_LENGTH) {
                return out.append(ELLIPSIS).toString();
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            codePoints += needed;
        }
        return out.toString();
    }

    private static boolean isInvisibleOrControl(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT) {
            // Zero-width (non-)joiners shape emoji and some scripts and are harmless; every other
            // format character (bidi overrides, isolates, BOM, soft hyphen, ...) goes.
            return cp != 0x200C && cp != 0x200D;
        }
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    private static String withServerText(String sentence, AbstractError error, Locale locale) {
        String serverText = sanitize(descriptiveText(error, locale));
        if (serverText.isEmpty()) {
            return sentence;
        }
        return format(locale, "server_text", sentence, serverText);
    }

    /** The error's text in the user's language if the server sent one, else whichever text it sent. */
    private static String descriptiveText(AbstractError error, Locale locale) {
        Locale wanted = locale != null ? locale : Locale.getDefault();
        try {
            String text = null;
            if (!wanted.getLanguage().isEmpty()) {
                text = error.getDescriptiveText(wanted.toLanguageTag());
                if (text == null) {
                    text = error.getDescriptiveText(wanted.getLanguage());
                }
            }
            return text != null ? text : error.getDescriptiveText();
        } catch (RuntimeException unexpected) {
            return null;
        }
    }

    // ------------------------------------------------------------------ bundles

    /**
     * The locale of the bundle that will be used for {@code locale}: {@link Locale#SIMPLIFIED_CHINESE}
     * for a Simplified Chinese locale, {@link Locale#ROOT} (English) for everything else.
     */
    static Locale bundleLocale(Locale locale) {
        Locale l = locale != null ? locale : Locale.getDefault();
        if (!"zh".equals(l.getLanguage())) {
            return Locale.ROOT;
        }
        String script = l.getScript();
        if (!script.isEmpty()) {
            return "Hans".equals(script) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        }
        return switch (l.getCountry()) {
            case "", "CN", "SG", "MY" -> Locale.SIMPLIFIED_CHINESE;
            default -> Locale.ROOT;
        };
    }

    /**
     * The bundle for a locale. Asking for exactly {@link Locale#ROOT} or {@code zh_CN} means the
     * lookup never falls back to the JVM's default locale, which matters on a Chinese-locale JVM
     * asked for English. ({@code ResourceBundle.Control} cannot be used from a named module.)
     */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, bundleLocale(locale), ErrorSentences.class.getModule());
    }

    private static String text(Locale locale, String key) {
        ResourceBundle bundle = bundle(locale);
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return bundle.getString("generic");
        }
    }

    private static String format(Locale locale, String key, Object... arguments) {
        return new MessageFormat(text(locale, key), bundleLocale(locale)).format(arguments);
    }

    private static StanzaError.Condition conditionNamed(String underscored) {
        for (StanzaError.Condition condition : StanzaError.Condition.values()) {
            if (condition.name().equals(underscored)) {
                return condition;
            }
        }
        return null;
    }
}
