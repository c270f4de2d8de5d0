package welljabber.app.shell;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.Window;

import welljabber.app.account.Account;
import welljabber.app.account.AccountService;
import welljabber.app.i18n.Messages;
import welljabber.app.plugins.PluginManager;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.profile.ProfilePaths;
import welljabber.app.secrets.PasswordStore;
import welljabber.api.ui.SettingsPage;
import welljabber.app.settings.FilePreferences;
import welljabber.app.settings.Settings;
import welljabber.app.tls.TrustDecision;
import welljabber.app.tls.UntrustedCertificateException;

/** The shell's dialogs behind one door, so the application wires one object instead of eight. */
public final class ShellDialogs {
    private final Stage owner;
    private final Messages messages;
    private final Settings settings;
    private final AccountService accounts;
    private final UiRegistry ui;
    private final String version;
    private final ProfilePaths paths;
    private PluginManager plugins;
    private FileDialogs files = FileDialogs.desktop();

    public ShellDialogs(Stage owner, Messages messages, Settings settings, AccountService accounts, UiRegistry ui,
            String version, ProfilePaths paths) {
        this.owner = owner;
        this.messages = messages;
        this.settings = settings;
        this.accounts = accounts;
        this.ui = ui;
        this.version = version;
        this.paths = paths;
    }

    public void setPlugins(PluginManager manager) {
        this.plugins = manager;
    }

    /** How dialogs ask for files; tests answer with a path instead of the desktop's file dialog. */
    public void setFileDialogs(FileDialogs fileDialogs) {
        this.files = java.util.Objects.requireNonNull(fileDialogs);
    }

    public void openSettings() {
        List<SettingsPage> pages = List.copyOf(ui.settingsPages());
        List<FilePreferences> written = pages.stream().map(ui::preferencesOf).flatMap(Optional::stream).distinct().toList();
        new SettingsDialog(owner, messages, settings, pages, written, passwordStorage()).showAndWait();
    }

    public void openAccounts() {
        new AccountsDialog(owner, messages, accounts).showAndWait();
    }

    public void addAccount() {
        new AccountEditorDialog(owner, messages, Optional.empty(), accounts.passwordStoreKind()).showAndWait()
                .ifPresent(outcome -> accounts.save(outcome.account(), outcome.password()).thenAccept(saved -> {
                    if (saved.connectAtStart()) {
                        Platform.runLater(() -> accounts.connect(saved.id()));
                    }
                }));
    }

    public void openPlugins() {
        if (plugins != null) {
            new PluginsDialog(owner, messages, plugins, files).show();
        }
    }

    public void openAbout() {
        AboutDialog.show(owner, messages, version, paths.data().toString(), paths.logs().toString(), passwordStorage());
    }

    public CompletionStage<Optional<char[]>> askPassword(Account account) {
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Runnable ask = () -> answer.complete(PasswordDialog.ask(owner, messages, account));
        if (Platform.isFxApplicationThread()) {
            ask.run();
        } else {
            Platform.runLater(ask);
        }
        return answer;
    }

    public static TrustDecision askTrust(Window owner, Messages messages, Account account,
            UntrustedCertificateException certificate) {
        return TrustDialog.ask(owner, messages, account.jid(), certificate);
    }

    /** One dialog listing the plugins that could not load or start; the shell goes on without them. */
    public void reportPluginFailures(List<PluginRecord> failed) {
        StringBuilder text = new StringBuilder();
        for (PluginRecord record : failed) {
            text.append("• ").append(record.name()).append(": ").append(record.problem().orElse("")).append('\n');
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, text.toString().strip());
        alert.initOwner(owner);
        alert.setTitle(messages.get("plugins.failed.title"));
        alert.setHeaderText(messages.get("plugins.failed.header"));
        alert.getDialogPane().setId("pluginFailures");
        alert.show();
    }

    private String passwordStorage() {
        return messages.get(accounts.passwordStoreKind() == PasswordStore.Kind.KEYRING
                ? "account.remember.keyring" : "account.remember.file");
    }
}
