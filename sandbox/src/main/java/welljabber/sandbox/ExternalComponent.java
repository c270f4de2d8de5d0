package welljabber.sandbox;

import java.util.Objects;

/**
 * An external component (XEP-0114) the server accepts on its component port: a sub-domain of the
 * server's domain, for example {@code bots} for {@code bots.localhost}, and the shared secret of its
 * handshake. Tests connect to it with {@link ComponentConnection} and can then send stanzas from any
 * JID of that domain, which is how they play thousands of contacts without thousands of accounts.
 *
 * @param subdomain the label before the server's domain ({@code bots})
 * @param secret    the handshake secret ({@code component_secret})
 */
public record ExternalComponent(String subdomain, String secret) {

    public ExternalComponent {
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(secret, "secret");
        // one DNS-style label: it becomes part of a JID domain and of the Lua configuration
        if (!subdomain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("Not a sub-domain label (lower-case letters, digits, '-'): " + subdomain);
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("An external component needs a non-empty secret");
        }
    }

    /** The component's domain on a server for {@code serverDomain}: {@code bots.localhost}. */
    public String domain(String serverDomain) {
        return subdomain + "." + serverDomain;
    }
}
