package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.app.ShellFixture;
import welljabber.app.account.TlsMode;

/** What a user does in the shell's account UI, step by step, for the UI tests. */
final class AccountSteps {
    private final FxRobot robot;

    AccountSteps(FxRobot robot) {
        this.robot = robot;
    }

    /** Accounts → Add account…, fills the form and saves (the account connects at once). */
    void addAccount(String jid, String password, String host, int port) {
        addAccount(jid, password, host, port, TlsMode.REQUIRED);
    }

    void addAccount(String jid, String password, String host, int port, TlsMode security) {
        chooseMenuItem("Accounts", "Add account…");
        fill("#accountJid", jid);
        fill("#accountPassword", password);
        robot.clickOn("#accountAdvanced");
        fill("#accountHost", host);
        fill("#accountPort", Integer.toString(port));
        @SuppressWarnings("unchecked")
        ChoiceBox<TlsMode> tls = robot.lookup("#accountTls").queryAs(ChoiceBox.class);
        ShellFixture.onFx(() -> tls.setValue(security));
        robot.clickOn("#saveAccount");
    }

    /**
     * Chooses {@code menu} → {@code item} of the main window's menu bar by firing the item, which
     * runs exactly the handler a click would. A missing item fails with the menus' contents, where a
     * robot click on a popup could only say it found no node (that is how a plugin that had failed to
     * start showed up in ChatUiTest).
     */
    void chooseMenuItem(String menu, String item) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem[] found = {null};
        ShellFixture.onFx(() -> bar.getMenus().stream().filter(m -> menu.equals(m.getText()))
                .flatMap(m -> m.getItems().stream()).filter(i -> item.equals(i.getText())).findFirst()
                .ifPresent(i -> found[0] = i));
        assertTrue(found[0] != null, "the " + menu + " menu has no item \"" + item + "\"");
        assertTrue(!found[0].isDisable(), "\"" + item + "\" is disabled");
        // Not onFx: an item may open a modal dialog, whose nested event loop would keep onFx waiting.
        javafx.application.Platform.runLater(found[0]::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks the item showing {@code text} in the popup menu a right click just opened. Where it is
     * is read on the FX thread: a menu replaces its items' nodes while it settles after showing, and
     * a node looked up from the test thread could leave the scene before the robot read its bounds
     * (CI failed so once: "scene is null" in the robot's click).
     */
    void clickMenuItem(String text) throws TimeoutException {
        Point2D[] center = {null};
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                center[0] = WaitForAsyncUtils.asyncFx(() -> shownMenuItemCenter(text)).get();
                return center[0] != null;
            });
        } catch (TimeoutException e) {
            throw new TimeoutException("No shown menu has an item \"" + text + "\"");
        }
        robot.clickOn(center[0], Motion.DEFAULT, MouseButton.PRIMARY);
    }

    /** The screen centre of a visible item labelled {@code text} in a showing context menu, or null; FX thread. */
    private static Point2D shownMenuItemCenter(String text) {
        for (Window window : Window.getWindows()) {
            if (!(window instanceof ContextMenu) || !window.isShowing() || window.getScene() == null) {
                continue;
            }
            for (Node node : window.getScene().getRoot().lookupAll(".menu-item")) {
                boolean labelled = node.lookupAll(".label").stream()
                        .anyMatch(label -> label instanceof Labeled labeled && text.equals(labeled.getText()));
                Bounds bounds = node.localToScreen(node.getBoundsInLocal());
                if (labelled && node.isVisible() && bounds != null && bounds.getWidth() > 0) {
                    return new Point2D(bounds.getCenterX(), bounds.getCenterY());
                }
            }
        }
        return null;
    }

    /** Adds the account, trusts the test server's certificate once, and waits until it is connected. */
    void addAccountTrustOnceAndConnect(String jid, String password, String host, int port, TlsMode security)
            throws TimeoutException {
        addAccount(jid, password, host, port, security);
        awaitTrustDialog();
        robot.clickOn("#trustOnce");
        awaitStatus("Connected", Duration.ofSeconds(10));
    }

    /** Sets a text field's content directly: typing through the headless robot is slow and tested elsewhere. */
    void fill(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        ShellFixture.onFx(() -> field.setText(text));
    }

    /**
     * Read on the FX thread: a lookup from the test's thread walks children the FX thread may be changing (seen on
     * CI: a NullPointerException inside Parent.lookupAll while the status bar changed).
     */
    String status() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#connectionStatus").queryAs(Label.class).getText())
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the status bar", interrupted);
        } catch (java.util.concurrent.ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("Could not read the status bar", failed);
        }
    }

    /** Waits until the status bar contains {@code text}; returns how long that took. */
    Duration awaitStatus(String text, Duration limit) throws TimeoutException {
        long started = System.nanoTime();
        try {
            WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, () -> status().contains(text));
        } catch (TimeoutException e) {
            throw new TimeoutException("The status bar did not show \"" + text + "\" within " + limit + "; it shows \""
                    + status() + "\"");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Showing as the robot means it: visible, in a window that is showing, so it can be clicked. */
    boolean trustDialogShowing() {
        return robot.lookup("#trustOnce").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent();
    }

    void awaitTrustDialog() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::trustDialogShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(trustDialogShowing());
        awaitStill("#trustOnce");
    }

    /**
     * Waits until {@code query}'s node stays where it is on screen for a moment. A dialog is centred on its
     * owner once its size is known, after it first shows: a click aimed at one of its buttons before then can
     * land on another (seen once in CI: "Trust once" aimed, the dialog answered Cancel).
     */
    private void awaitStill(String query) throws TimeoutException {
        Node node = robot.lookup(query).query();
        Bounds[] before = {null};
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            Bounds[] now = {null};
            ShellFixture.onFx(() -> now[0] = node.localToScreen(node.getBoundsInLocal()));
            boolean still = now[0] != null && now[0].equals(before[0]);
            before[0] = now[0];
            if (!still) {
                Thread.sleep(100);
            }
            return still;
        });
    }
}
