package welljabber.api.ui;

import java.util.List;
import java.util.Optional;

import javafx.stage.Window;

import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.plugin.Disposable;

/**
 * The main window's contribution points. Call these on the FX thread. Each call returns a
 * {@link Disposable} that removes the contribution; the shell also removes them when the plugin stops.
 */
public interface UiContributions {

    Disposable addSidePane(SidePane pane);

    Disposable addMenuAction(MenuAction action);

    Disposable addStatusBarItem(StatusBarItem item);

    Disposable addSettingsPage(SettingsPage page);

    Disposable addCentreTabType(CentreTabType type);

    /**
     * Adds an item to the contact list's context menu, whichever plugin draws that list.
     *
     * @since api 1.1
     */
    Disposable addContactAction(ContactAction action);

    /**
     * The contact menu items plugins added, in {@link ContactAction#order()} order; the plugin that
     * draws the contact list asks each time it opens a menu.
     *
     * @since api 1.1
     */
    List<ContactAction> contactActions();

    /**
     * Opens, or brings to front, the tab of type {@code typeId} for this account and address.
     * Returns false when no plugin provides that tab type.
     */
    boolean openTab(String typeId, AccountId account, Jid address);

    /**
     * Opens the tab of type {@code typeId} for this account and address if it is not open, without
     * taking the front from the tab the user is in (a message arriving for another conversation must
     * not switch tabs under their fingers). Returns false when no plugin provides that tab type.
     *
     * @since api 1.2
     */
    boolean openTabInBackground(String typeId, AccountId account, Jid address);

    /**
     * Brings the side pane with this id to the front, showing the side panes if the user hid them.
     * Returns false when no such pane is registered.
     */
    boolean showSidePane(String id);

    /** The main window, as owner for a plugin's dialogs. */
    Optional<Window> mainWindow();

    /** Shows a short, non-blocking notice to the user (a plain sentence). */
    void notify(String title, String text);

    /**
     * Asks the user where to save a file, with the desktop's save dialog owned by the main window.
     * Empty when they cancelled. Through the shell rather than a plugin's own {@code FileChooser}, so
     * that tests, which cannot drive the desktop's dialog, can answer it.
     *
     * @since api 1.2
     */
    Optional<SaveAnswer> askWhereToSave(SaveQuestion question);
}
