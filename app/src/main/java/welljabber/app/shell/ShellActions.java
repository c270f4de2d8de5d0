package welljabber.app.shell;

/** What the shell's own menu items do; the application wires them to its services. */
public interface ShellActions {
    void openSettings();

    void quit();

    void openAccounts();

    void addAccount();

    void connectAll();

    void disconnectAll();

    void openPlugins();

    void openAbout();
}
