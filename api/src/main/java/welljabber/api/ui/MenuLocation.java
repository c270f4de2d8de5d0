package welljabber.api.ui;

/** The main window's menus a plugin can add actions to. */
public enum MenuLocation {
    FILE, ACCOUNTS, VIEW, TOOLS, HELP
}
