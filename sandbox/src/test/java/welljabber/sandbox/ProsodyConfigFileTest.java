package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProsodyConfigFileTest {

    private static final ProsodyLayout LAYOUT = new ProsodyLayout(Path.of("/tmp/welljabber-prosody-test"));

    private static String render(ProsodyOptions options, ProsodyPorts ports) {
        return ProsodyConfigFile.render(options, LAYOUT, ports, "127.0.0.1", "localhost", "conference.localhost", "upload.localhost", null);
    }

    @Test
    void defaultsAreLoopbackTlsRequiredWithMucAndNothingElseListening() {
        String lua = render(ProsodyOptions.builder().build(), new ProsodyPorts(40001, 0, 0));
        assertTrue(lua.contains("run_as_root = true\n"), lua);
        assertTrue(lua.contains("interfaces = { \"127.0.0.1\" }\n"), lua);
        assertTrue(lua.contains("c2s_ports = { 40001 }\n"), lua);
        assertTrue(lua.contains("c2s_direct_tls_ports = {  }\n"), lua);
        assertTrue(lua.contains("s2s_ports = { }\n"), lua);
        assertTrue(lua.contains("http_ports = {  }\n"), lua);
        assertTrue(lua.contains("https_ports = { }\n"), lua);
        assertTrue(lua.contains("modules_disabled = { \"s2s\" }\n"), lua);
        assertTrue(lua.contains("c2s_require_encryption = true\n"), lua);
        assertTrue(lua.contains("allow_unencrypted_plain_auth = false\n"), lua);
        assertTrue(lua.contains("allow_registration = false\n"), lua);
        assertTrue(lua.contains("\"tls\""), lua);
        assertTrue(lua.contains("ssl = { certificate = \"/tmp/welljabber-prosody-test/certs/localhost.crt\"; key = \"/tmp/welljabber-prosody-test/certs/localhost.key\"; }"), lua);
        assertTrue(lua.contains("VirtualHost \"localhost\"\n"), lua);
        assertTrue(lua.contains("Component \"conference.localhost\" \"muc\"\n"), lua);
        assertFalse(lua.contains("http_file_share"), lua);
        assertFalse(lua.contains("\"http\""), lua);
    }

    @Test
    void everyPathIsInsideTheServersFolder() {
        String lua = render(ProsodyOptions.builder().build(), new ProsodyPorts(40001, 0, 0));
        for (String option : new String[] {"pidfile", "data_path", "admin_socket", "certificates"}) {
            assertTrue(lua.contains(option + " = \"/tmp/welljabber-prosody-test/"), option + " in\n" + lua);
        }
        assertTrue(lua.contains("filename = \"/tmp/welljabber-prosody-test/prosody.log\""), lua);
    }

    @Test
    void plainModeHasNoTlsAndAllowsPlainAuthentication() {
        String lua = render(ProsodyOptions.builder().plain().registration(true).muc(false).build(), new ProsodyPorts(40001, 0, 0));
        assertTrue(lua.contains("c2s_require_encryption = false\n"), lua);
        assertTrue(lua.contains("allow_unencrypted_plain_auth = true\n"), lua);
        assertTrue(lua.contains("allow_registration = true\n"), lua);
        assertFalse(lua.contains("ssl = {"), lua);
        assertFalse(lua.contains("\"tls\""), lua);
        assertFalse(lua.contains("Component"), lua);
    }

    @Test
    void directTlsAndUploadOpenTheirPorts() {
        String lua = render(ProsodyOptions.builder().directTls(true).httpUpload(true).uploadSizeLimit(1234).build(),
                new ProsodyPorts(40001, 40002, 40003));
        assertTrue(lua.contains("c2s_direct_tls_ports = { 40002 }\n"), lua);
        assertTrue(lua.contains("http_ports = { 40003 }\n"), lua);
        assertTrue(lua.contains("http_external_url = \"http://127.0.0.1:40003/\"\n"), lua);
        assertTrue(lua.contains("Component \"upload.localhost\" \"http_file_share\"\n"), lua);
        assertTrue(lua.contains("http_file_share_size_limit = 1234\n"), lua);
        assertTrue(lua.contains("\"http\""), lua);
    }

    @Test
    void extraModulesAndConfigAreAdded() {
        String lua = render(ProsodyOptions.builder().extraModules("motd").extraGlobalConfig("motd_text = \"hi\"").build(),
                new ProsodyPorts(40001, 0, 0));
        assertTrue(lua.contains("\"motd\""), lua);
        assertTrue(lua.indexOf("motd_text = \"hi\"") < lua.indexOf("VirtualHost"), lua);
    }

    @Test
    void theOwnerWatchdogIsConfiguredWhenThereIsAnOwner() {
        String without = render(ProsodyOptions.builder().build(), new ProsodyPorts(40001, 0, 0));
        assertFalse(without.contains("welljabber_watchdog"), without);
        String with = ProsodyConfigFile.render(ProsodyOptions.builder().build(), LAYOUT, new ProsodyPorts(40001, 0, 0),
                "127.0.0.1", "localhost", "conference.localhost", "upload.localhost", new OwnerWatchdog.Owner(4242, "987654"));
        assertTrue(with.contains("\"welljabber_watchdog\""), with);
        assertTrue(with.contains("plugin_paths = { \"/tmp/welljabber-prosody-test/plugins\" }\n"), with);
        assertTrue(with.contains("welljabber_owner_pid = \"4242\"\n"), with);
        assertTrue(with.contains("welljabber_owner_start = \"987654\"\n"), with);
    }

    @Test
    void withoutAnExternalComponentNoComponentPortIsOpened() {
        String lua = render(ProsodyOptions.builder().build(), new ProsodyPorts(40001, 0, 0));
        assertTrue(lua.contains("component_ports = { }\n"), lua);
        assertFalse(lua.contains("component_secret"), lua);
    }

    @Test
    void anExternalComponentGetsItsPortAndSecret() {
        String lua = render(ProsodyOptions.builder().externalComponent("bots", "s3cret\"x").build(),
                new ProsodyPorts(40001, 0, 0, 40004));
        assertTrue(lua.contains("component_ports = { 40004 }\n"), lua);
        assertTrue(lua.contains("component_interfaces = { \"127.0.0.1\" }\n"), lua);
        assertTrue(lua.contains("\nComponent \"bots.localhost\"\n\tcomponent_secret = \"s3cret\\\"x\"\n"), lua);
        assertTrue(lua.indexOf("Component \"bots.localhost\"") > lua.indexOf("VirtualHost"), lua);
    }

    @Test
    void externalComponentNamesMustBeOneLabelAndSecretsNonEmpty() {
        assertThrows(IllegalArgumentException.class, () -> ProsodyOptions.builder().externalComponent("bots.x", "s"));
        assertThrows(IllegalArgumentException.class, () -> ProsodyOptions.builder().externalComponent("Bots", "s"));
        assertThrows(IllegalArgumentException.class, () -> ProsodyOptions.builder().externalComponent("bots", ""));
    }

    @Test
    void inconsistentOptionsAreRefused() {
        assertThrows(IllegalStateException.class, () -> ProsodyOptions.builder().tls(false).requireEncryption(true).build());
        assertThrows(IllegalStateException.class, () -> ProsodyOptions.builder().plain().directTls(true).build());
        assertThrows(IllegalArgumentException.class, () -> ProsodyOptions.builder().extraModules("x\"; os.exit()").build());
    }
}
