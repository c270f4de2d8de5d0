package welljabber.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the Lua configuration of a throwaway Prosody 0.12: loopback only, every path inside the
 * server's own folder, every unused listener turned off, no server-to-server.
 */
final class ProsodyConfigFile {

    /** Modules of a full client test bed (Prosody 0.12 names). */
    static final List<String> STANDARD_MODULES = List.of(
            "roster", "saslauth", "disco", "carbons", "pep", "private", "blocklist", "vcard4", "vcard_legacy",
            "version", "uptime", "time", "ping", "register", "mam", "smacks", "csi_simple", "offline",
            "bookmarks", "admin_adhoc", "admin_shell", "posix");

    private ProsodyConfigFile() {
    }

    /**
     * @param owner the process whose end ends the server (see {@link OwnerWatchdog}), or {@code null} for none
     */
    static String render(ProsodyOptions options, ProsodyLayout layout, ProsodyPorts ports, String host, String domain,
            String mucDomain, String uploadDomain, OwnerWatchdog.Owner owner) {
        StringBuilder lua = new StringBuilder(2048);
        lua.append("-- Throwaway Prosody for WellJabber's sandbox and tests. Generated; do not edit.\n");
        lua.append("-- Start only with: prosody --config ").append(layout.configFile()).append(" -F\n\n");

        lua.append("run_as_root = true\n");
        lua.append("pidfile = ").append(q(layout.pidFile())).append('\n');
        lua.append("data_path = ").append(q(layout.dataDirectory())).append('\n');
        lua.append("admin_socket = ").append(q(layout.adminSocket())).append('\n');
        lua.append("certificates = ").append(q(layout.certificateDirectory())).append('\n');
        lua.append("log = { { levels = { min = ").append(LuaText.quote(options.logLevel())).append(" }; to = \"file\"; filename = ")
                .append(q(layout.logFile())).append("; } }\n\n");

        lua.append("-- Loopback only; every listener we do not use is off.\n");
        lua.append("interfaces = { ").append(LuaText.quote(host)).append(" }\n");
        lua.append("local_interfaces = { ").append(LuaText.quote(host)).append(" }\n");
        lua.append("c2s_ports = { ").append(ports.c2s()).append(" }\n");
        lua.append("c2s_direct_tls_ports = { ").append(ports.directTls() > 0 ? String.valueOf(ports.directTls()) : "").append(" }\n");
        lua.append("legacy_ssl_ports = { }\n");
        lua.append("s2s_ports = { }\n");
        lua.append("s2s_direct_tls_ports = { }\n");
        if (ports.component() > 0) {
            lua.append("component_ports = { ").append(ports.component()).append(" }\n");
            lua.append("component_interfaces = { ").append(LuaText.quote(host)).append(" }\n");
        } else {
            lua.append("component_ports = { }\n");
        }
        lua.append("http_ports = { ").append(ports.http() > 0 ? String.valueOf(ports.http()) : "").append(" }\n");
        lua.append("https_ports = { }\n");
        lua.append("http_interfaces = { ").append(LuaText.quote(host)).append(" }\n");
        lua.append("https_interfaces = { ").append(LuaText.quote(host)).append(" }\n");
        if (ports.http() > 0) {
            lua.append("http_host = ").append(LuaText.quote(host)).append('\n');
            lua.append("http_external_url = ").append(LuaText.quote("http://" + host + ":" + ports.http() + "/")).append('\n');
        }
        lua.append('\n');

        Set<String> modules = new LinkedHashSet<>(STANDARD_MODULES);
        if (options.tls()) {
            modules.add("tls");
        }
        if (options.httpUpload()) {
            modules.add("http");
        }
        modules.addAll(options.extraModules());
        if (owner != null) {
            modules.add(OwnerWatchdog.MODULE);
            lua.append("plugin_paths = { ").append(q(layout.pluginDirectory())).append(" }\n");
            lua.append(OwnerWatchdog.configLines(owner));
        }
        lua.append("modules_enabled = { ").append(list(modules)).append(" }\n");
        lua.append("modules_disabled = { \"s2s\" }\n");
        lua.append("authentication = \"internal_hashed\"\n");
        lua.append("storage = \"internal\"\n");
        lua.append("allow_registration = ").append(options.registration()).append('\n');
        lua.append("c2s_require_encryption = ").append(options.requireEncryption()).append('\n');
        lua.append("s2s_require_encryption = false\n");
        lua.append("allow_unencrypted_plain_auth = ").append(!options.tls()).append('\n');
        if (options.tls()) {
            lua.append("ssl = { certificate = ").append(q(layout.certificateDirectory().resolve(ProsodyServer.CERTIFICATE_NAME + ".crt")))
                    .append("; key = ").append(q(layout.certificateDirectory().resolve(ProsodyServer.CERTIFICATE_NAME + ".key")))
                    .append("; }\n");
        }
        if (!options.extraGlobalConfig().isBlank()) {
            lua.append("\n-- Extra configuration given by the caller\n").append(options.extraGlobalConfig()).append('\n');
        }

        lua.append("\nVirtualHost ").append(LuaText.quote(domain)).append('\n');

        if (options.muc()) {
            lua.append("\nComponent ").append(LuaText.quote(mucDomain)).append(" \"muc\"\n");
            lua.append("\tmodules_enabled = { \"muc_mam\" }\n");
            lua.append("\tmuc_room_default_persistent = ").append(options.mucRoomsPersistent()).append('\n');
            lua.append("\trestrict_room_creation = false\n");
        }
        ExternalComponent component = options.externalComponent();
        if (component != null) {
            // no plugin name: Prosody then expects an external component to connect and hand-shake
            lua.append("\nComponent ").append(LuaText.quote(component.domain(domain))).append('\n');
            lua.append("\tcomponent_secret = ").append(LuaText.quote(component.secret())).append('\n');
        }
        if (options.httpUpload()) {
            lua.append("\nComponent ").append(LuaText.quote(uploadDomain)).append(" \"http_file_share\"\n");
            lua.append("\thttp_file_share_size_limit = ").append(options.uploadSizeLimit()).append('\n');
            lua.append("\thttp_file_share_path = ").append(q(layout.uploadDirectory())).append('\n');
        }
        return lua.toString();
    }

    private static String q(java.nio.file.Path path) {
        return LuaText.quote(path.toAbsolutePath().toString());
    }

    private static String list(Set<String> items) {
        List<String> quoted = new ArrayList<>(items.size());
        for (String item : items) {
            quoted.add(LuaText.quote(item));
        }
        return quoted.stream().collect(Collectors.joining("; "));
    }
}
