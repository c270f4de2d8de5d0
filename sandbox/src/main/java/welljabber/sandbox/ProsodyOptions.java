package welljabber.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a throwaway Prosody server should look like. Immutable; made with {@link #builder()}.
 *
 * <p>Defaults: no accounts, STARTTLS with a freshly generated self-signed certificate and
 * {@code c2s_require_encryption = true}, no direct-TLS port, no in-band registration, a MUC
 * component {@code conference.localhost}, no HTTP (and so no file upload), start timeout 20 s.
 */
public final class ProsodyOptions {

    private final Map<String, String> accounts;
    private final boolean tls;
    private final boolean requireEncryption;
    private final boolean directTls;
    private final boolean registration;
    private final boolean muc;
    private final boolean mucRoomsPersistent;
    private final boolean httpUpload;
    private final long uploadSizeLimit;
    private final ExternalComponent externalComponent;
    private final Map<String, List<RosterEntry>> rosters;
    private final Map<String, Set<String>> pendingSubscriptions;
    private final SelfSignedCertificate certificate;
    private final List<String> extraModules;
    private final String extraGlobalConfig;
    private final Duration startTimeout;
    private final String logLevel;
    private final long ownerPid;

    private ProsodyOptions(Builder b) {
        this.accounts = Collections.unmodifiableMap(new LinkedHashMap<>(b.accounts));
        this.tls = b.tls;
        this.requireEncryption = b.requireEncryption;
        this.directTls = b.directTls;
        this.registration = b.registration;
        this.muc = b.muc;
        this.mucRoomsPersistent = b.mucRoomsPersistent;
        this.httpUpload = b.httpUpload;
        this.uploadSizeLimit = b.uploadSizeLimit;
        this.externalComponent = b.externalComponent;
        Map<String, List<RosterEntry>> rosterCopy = new LinkedHashMap<>();
        b.rosters.forEach((user, entries) -> rosterCopy.put(user, List.copyOf(entries)));
        this.rosters = Collections.unmodifiableMap(rosterCopy);
        Map<String, Set<String>> pendingCopy = new LinkedHashMap<>();
        b.pendingSubscriptions.forEach((user, jids) -> pendingCopy.put(user, Collections.unmodifiableSet(new LinkedHashSet<>(jids))));
        this.pendingSubscriptions = Collections.unmodifiableMap(pendingCopy);
        this.certificate = b.certificate;
        this.extraModules = List.copyOf(b.extraModules);
        this.extraGlobalConfig = b.extraGlobalConfig;
        this.startTimeout = b.startTimeout;
        this.logLevel = b.logLevel;
        this.ownerPid = b.ownerPid;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive variants. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accounts.putAll(accounts);
        b.tls = tls;
        b.requireEncryption = requireEncryption;
        b.directTls = directTls;
        b.registration = registration;
        b.muc = muc;
        b.mucRoomsPersistent = mucRoomsPersistent;
        b.httpUpload = httpUpload;
        b.uploadSizeLimit = uploadSizeLimit;
        b.externalComponent = externalComponent;
        rosters.forEach((user, entries) -> b.rosters.put(user, new ArrayList<>(entries)));
        pendingSubscriptions.forEach((user, jids) -> b.pendingSubscriptions.put(user, new LinkedHashSet<>(jids)));
        b.certificate = certificate;
        b.extraModules.addAll(extraModules);
        b.extraGlobalConfig = extraGlobalConfig;
        b.startTimeout = startTimeout;
        b.logLevel = logLevel;
        b.ownerPid = ownerPid;
        return b;
    }

    /** User name (local part) → password, in the order given. */
    public Map<String, String> accounts() {
        return accounts;
    }

    /** Whether the server offers TLS (STARTTLS, and direct TLS if {@link #directTls()}). */
    public boolean tls() {
        return tls;
    }

    /** Whether clients must encrypt before authenticating ({@code c2s_require_encryption}). */
    public boolean requireEncryption() {
        return requireEncryption;
    }

    /** Whether an extra direct-TLS (XEP-0368) c2s port is opened. */
    public boolean directTls() {
        return directTls;
    }

    /** Whether in-band registration (XEP-0077) of new accounts is allowed. */
    public boolean registration() {
        return registration;
    }

    /** Whether the MUC component {@code conference.localhost} runs. */
    public boolean muc() {
        return muc;
    }

    /** Whether new rooms are persistent by default ({@code muc_room_default_persistent}). */
    public boolean mucRoomsPersistent() {
        return mucRoomsPersistent;
    }

    /** Whether HTTP file upload ({@code upload.localhost}, XEP-0363) runs; it needs an HTTP port. */
    public boolean httpUpload() {
        return httpUpload;
    }

    /** The largest file the upload component accepts, in bytes. */
    public long uploadSizeLimit() {
        return uploadSizeLimit;
    }

    /**
     * The external component (XEP-0114) the server accepts on its own loopback port, or {@code null}
     * for none (the default: no component port is opened).
     */
    public ExternalComponent externalComponent() {
        return externalComponent;
    }

    /** User → pre-written roster entries. */
    public Map<String, List<RosterEntry>> rosters() {
        return rosters;
    }

    /** User → bare JIDs with a pending incoming subscription request. */
    public Map<String, Set<String>> pendingSubscriptions() {
        return pendingSubscriptions;
    }

    /** The certificate to use, or {@code null} to generate a new one at start. */
    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /** Prosody modules enabled on top of the standard set. */
    public List<String> extraModules() {
        return extraModules;
    }

    /** Raw Lua appended to the global section of the configuration, or an empty string. */
    public String extraGlobalConfig() {
        return extraGlobalConfig;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    /** Prosody's minimum log level: {@code debug}, {@code info}, {@code warn} or {@code error}. */
    public String logLevel() {
        return logLevel;
    }

    /**
     * The process whose end also ends the server (0: the process that starts it). On Linux the
     * server checks once a second and shuts itself down when that process is gone, so a JVM killed
     * without running its shutdown hooks leaves no server behind.
     */
    public long ownerPid() {
        return ownerPid;
    }

    /** Builds {@link ProsodyOptions}. */
    public static final class Builder {
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private boolean tls = true;
        private boolean requireEncryption = true;
        private boolean directTls;
        private boolean registration;
        private boolean muc = true;
        private boolean mucRoomsPersistent;
        private boolean httpUpload;
        private long uploadSizeLimit = 10L * 1024 * 1024;
        private ExternalComponent externalComponent;
        private final Map<String, List<RosterEntry>> rosters = new LinkedHashMap<>();
        private final Map<String, Set<String>> pendingSubscriptions = new LinkedHashMap<>();
        private SelfSignedCertificate certificate;
        private final List<String> extraModules = new ArrayList<>();
        private String extraGlobalConfig = "";
        private Duration startTimeout = Duration.ofSeconds(20);
        private String logLevel = "info";
        private long ownerPid;

        private Builder() {
        }

        /** Adds an account (registered with {@code prosodyctl} before the server starts). */
        public Builder account(String user, String password) {
            Objects.requireNonNull(password, "password");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("Empty password for " + user);
            }
            accounts.put(ProsodyNames.normalizeUser(user), password);
            return this;
        }

        /** Adds accounts: user → password. */
        public Builder accounts(Map<String, String> userToPassword) {
            userToPassword.forEach(this::account);
            return this;
        }

        /** TLS on (default) or off. Turning it off also turns off required encryption and direct TLS. */
        public Builder tls(boolean on) {
            this.tls = on;
            if (!on) {
                this.requireEncryption = false;
                this.directTls = false;
            }
            return this;
        }

        /** No TLS at all: plain connections with plain-text authentication allowed (fast tests). */
        public Builder plain() {
            return tls(false);
        }

        /** Whether clients must encrypt before logging in (default {@code true}; needs TLS). */
        public Builder requireEncryption(boolean on) {
            this.requireEncryption = on;
            return this;
        }

        /** Also open a direct-TLS c2s port (XEP-0368); needs TLS. */
        public Builder directTls(boolean on) {
            this.directTls = on;
            return this;
        }

        /** Allow in-band registration of new accounts (XEP-0077). */
        public Builder registration(boolean allowed) {
            this.registration = allowed;
            return this;
        }

        /** Run the MUC component {@code conference.localhost} (default on). */
        public Builder muc(boolean on) {
            this.muc = on;
            return this;
        }

        /** Make new rooms persistent by default. */
        public Builder mucRoomsPersistent(boolean on) {
            this.mucRoomsPersistent = on;
            return this;
        }

        /** Run HTTP file upload on {@code upload.localhost} (opens a loopback HTTP port). */
        public Builder httpUpload(boolean on) {
            this.httpUpload = on;
            return this;
        }

        public Builder uploadSizeLimit(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("Upload size limit must be positive");
            }
            this.uploadSizeLimit = bytes;
            return this;
        }

        /**
         * Accept an external component (XEP-0114) for {@code subdomain}{@code .localhost}, for example
         * {@code bots.localhost}, with this handshake secret, on a free loopback port
         * ({@link ProsodyServer#componentPort()}). Connect to it with {@link ComponentConnection}.
         */
        public Builder externalComponent(String subdomain, String secret) {
            this.externalComponent = new ExternalComponent(subdomain, secret);
            return this;
        }

        /** Adds entries to the pre-written roster of {@code user}. */
        public Builder roster(String user, RosterEntry... entries) {
            return roster(user, Arrays.asList(entries));
        }

        /** Adds entries to the pre-written roster of {@code user}. */
        public Builder roster(String user, Collection<RosterEntry> entries) {
            rosters.computeIfAbsent(ProsodyNames.normalizeUser(user), u -> new ArrayList<>()).addAll(entries);
            return this;
        }

        /** Records that {@code fromJid} has asked to see {@code user}'s presence (a pending request at login). */
        public Builder pendingSubscription(String user, String fromJid) {
            pendingSubscriptions.computeIfAbsent(ProsodyNames.normalizeUser(user), u -> new LinkedHashSet<>()).add(fromJid);
            return this;
        }

        /** Use this certificate instead of generating one (it is copied into the server's folder). */
        public Builder certificate(SelfSignedCertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /** Enable more Prosody modules. */
        public Builder extraModules(String... modules) {
            extraModules.addAll(Arrays.asList(modules));
            return this;
        }

        /** Raw Lua appended to the global section of the configuration (an escape hatch). */
        public Builder extraGlobalConfig(String lua) {
            this.extraGlobalConfig = Objects.requireNonNull(lua, "lua");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Start timeout must be positive");
            }
            this.startTimeout = timeout;
            return this;
        }

        /** Prosody's minimum log level: {@code debug}, {@code info} (default), {@code warn} or {@code error}. */
        public Builder logLevel(String level) {
            if (!Set.of("debug", "info", "warn", "error").contains(level)) {
                throw new IllegalArgumentException("Unknown Prosody log level: " + level);
            }
            this.logLevel = level;
            return this;
        }

        /** The process whose end also ends the server (default 0: the process that starts it). */
        public Builder ownerPid(long pid) {
            if (pid < 0) {
                throw new IllegalArgumentException("Not a process id: " + pid);
            }
            this.ownerPid = pid;
            return this;
        }

        public ProsodyOptions build() {
            if (!tls && requireEncryption) {
                throw new IllegalStateException("requireEncryption needs TLS: use tls(true) or requireEncryption(false)");
            }
            if (!tls && directTls) {
                throw new IllegalStateException("directTls needs TLS: use tls(true)");
            }
            for (String module : extraModules) {
                if (!module.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalArgumentException("Not a Prosody module name: " + module);
                }
            }
            return new ProsodyOptions(this);
        }

        /** Builds the options and starts a server with them. */
        public ProsodyServer start() {
            return ProsodyServer.start(build());
        }
    }
}
