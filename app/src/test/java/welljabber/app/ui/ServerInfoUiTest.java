package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.app.ShellFixture;
import welljabber.app.account.TlsMode;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/** The bundled serverinfo plugin in the real shell, against a real Prosody, driven through the UI. */
@WithProsody(accounts = {"me:secret"})
class ServerInfoUiTest extends ShellUiTest {

    @Test
    void theServerPaneAndStatusBarShowWhatTheServerSaysAndClearWhenOffline(ProsodyServer server,
            XmppTestClients clients) throws Exception {
        // What the server says about itself, asked by a plain Smack client: the pane must show the same.
        XMPPTCPConnection probe = clients.login("me", "secret");
        Version version = VersionManager.getInstanceFor(probe).getVersion(probe.getXMPPServiceDomain());
        String software = version.getName() + " " + version.getVersion();
        assertTrue(software.startsWith("Prosody "), software);

        startShell();
        // The Contacts pane comes first; open the Server pane the way a user would.
        robot.clickOn("Tools").clickOn("Server information");
        assertTrue(visible("#serverOffline"), "with no account the pane must say that none is connected");
        assertFalse(visible("#serverInfoStatus"), "offline, the status bar must not show a server");

        steps.addAccountTrustOnceAndConnect("me@localhost", "secret", server.host(), server.c2sPort(), TlsMode.REQUIRED);

        await(() -> software.equals(text("#serverSoftware")), () -> "the pane shows \"" + text("#serverSoftware")
                + "\" as the server software, the server says \"" + software + "\"");
        assertTrue(text("#serverSoftware").contains("Prosody"));
        assertTrue(text("#serverSoftware").contains(version.getVersion()));
        // The status item is updated in its own FX turn, after the pane: wait for it rather than race it.
        await(() -> visible("#serverInfoStatus") && software.equals(text("#serverInfoStatus")),
                () -> "the status bar item shows \"" + text("#serverInfoStatus") + "\"");
        assertTrue(text("#serverBoundJid").startsWith("me@localhost/"), text("#serverBoundJid"));
        assertEquals("Yes, TLS", text("#serverSecurity"));
        assertEquals("Active", text("#serverStreamManagement"));
        assertFalse(visible("#serverOffline"));
        Set<String> rows = featureRows();
        assertTrue(rows.contains("Message archive (MAM)"), rows.toString());
        assertTrue(rows.contains("Stream management (reliable delivery)"), rows.toString());
        assertTrue(rows.contains("Group chat service: " + server.mucDomain()), rows.toString());

        // Tools → Server information brings the pane to the front from behind another one.
        TabPane sidePanes = robot.lookup("#sidePanes").queryAs(TabPane.class);
        ShellFixture.onFx(() -> sidePanes.getSelectionModel().select(0));
        await(() -> !"side-serverinfo".equals(sidePanes.getSelectionModel().getSelectedItem().getId()),
                () -> "the Contacts pane did not come to the front");
        robot.clickOn("Tools").clickOn("Server information");
        await(() -> "side-serverinfo".equals(sidePanes.getSelectionModel().getSelectedItem().getId()),
                () -> "the Server pane is not selected");
        assertEquals(software, text("#serverSoftware"));

        robot.clickOn("Accounts").clickOn("Disconnect all");
        steps.awaitStatus("Disconnected", Duration.ofSeconds(10));
        await(() -> visible("#serverOffline") && !visible("#serverInfoStatus"),
                () -> "after disconnecting, the pane still shows a server: status bar \"" + text("#serverInfoStatus") + "\"");
        assertFalse(visible("#serverSoftware"));
    }


    /** The text of every row of the feature list, scrolling it through since only visible rows have cells. */
    private Set<String> featureRows() {
        ListView<?> list = robot.lookup("#serverFeatures").queryAs(ListView.class);
        Set<String> rows = new LinkedHashSet<>();
        int size = list.getItems().size();
        for (int i = 0; i < size; i++) {
            int index = i;
            ShellFixture.onFx(() -> {
                list.scrollTo(index);
                list.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.lookup("#serverFeatures .list-cell").queryAllAs(ListCell.class).stream()
                    .filter(cell -> !cell.isEmpty() && cell.getText() != null)
                    .forEach(cell -> rows.add(cell.getText()));
        }
        assertTrue(rows.size() >= size, "saw " + rows.size() + " of " + size + " rows: " + rows);
        return rows;
    }
}
