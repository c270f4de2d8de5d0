package welljabber.plugin.chat.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message body into what the conversation shows. Nothing a contact writes is interpreted:
 * the result is text plus links, and only http, https and xmpp addresses become links (a
 * {@code javascript:} or {@code file:} address stays plain text). Control and direction-override
 * characters are removed so a message cannot disguise a link or rearrange what is shown around it.
 */
public final class BodyRenderer {
    /** XEP-0245: a body starting with exactly this is an action. */
    static final String ME = "/me ";
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|xmpp:)[^\\s<>\"]+");
    /** Sentence punctuation right after an address belongs to the sentence, not the address. */
    private static final String TRAILING = ".,;:!?'\")]}>";

    private BodyRenderer() {
    }

    /** {@code sender} is the name used for {@code /me} actions. */
    public static RenderedBody render(String body, String sender) {
        String clean = clean(body);
        if (clean.startsWith(ME) && clean.length() > ME.length()) {
            return new RenderedBody(true, segments("* " + clean(sender) + " " + clean.substring(ME.length())));
        }
        return new RenderedBody(false, segments(clean));
    }

    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        int plainFrom = 0;
        while (matcher.find()) {
            String candidate = trimTrailing(matcher.group());
            Optional<URI> target = target(candidate);
            if (target.isEmpty()) {
                continue;
            }
            if (matcher.start() > plainFrom) {
                segments.add(new Segment.Plain(text.substring(plainFrom, matcher.start())));
            }
            segments.add(new Segment.Link(candidate, target.get()));
            plainFrom = matcher.start() + candidate.length();
        }
        if (plainFrom < text.length()) {
            segments.add(new Segment.Plain(text.substring(plainFrom)));
        }
        return segments;
    }

    /** Drops trailing punctuation, but keeps a closing bracket that closes one opened inside the address. */
    private static String trimTrailing(String candidate) {
        String link = candidate;
        while (!link.isEmpty() && TRAILING.indexOf(link.charAt(link.length() - 1)) >= 0) {
            char last = link.charAt(link.length() - 1);
            if (last == ')' && count(link, '(') >= count(link, ')')) {
                break;
            }
            link = link.substring(0, link.length() - 1);
        }
        return link;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** Only complete http(s) addresses with a host, and xmpp addresses with a target, open. */
    private static Optional<URI> target(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = switch (scheme) {
                case "http", "https" -> uri.getHost() != null;
                case "xmpp" -> uri.getRawSchemeSpecificPart() != null && uri.getRawSchemeSpecificPart().length() > 0;
                default -> false;
            };
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Removes control characters other than line breaks and tabs, and bidirectional overrides. */
    static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !hidden(cp)).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static boolean hidden(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F;
    }
}
