package welljabber.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import org.tinylog.Logger;

import welljabber.api.chat.OpenChatRequested;
import welljabber.api.conference.OpenRoomRequested;
import welljabber.api.error.ErrorSentences;
import welljabber.app.account.Account;
import welljabber.app.account.AccountRepository;
import welljabber.app.account.AccountService;
import welljabber.app.cli.XmppUri;
import welljabber.app.instance.InstanceListener;
import welljabber.app.instance.InstanceSocket;
import welljabber.app.storage.ProfileInUseException;
import welljabber.app.connection.Sessions;
import welljabber.app.connection.SmackSetup;
import welljabber.app.event.TypedEventBus;
import welljabber.app.i18n.Messages;
import welljabber.app.plugins.PluginHost;
import welljabber.app.plugins.PluginLoader;
import welljabber.app.plugins.PluginManager;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.plugins.PluginStates;
import welljabber.app.plugins.SharedServices;
import welljabber.app.sandbox.SandboxSession;
import welljabber.app.secrets.PasswordStore;
import welljabber.app.secrets.PasswordStores;
import welljabber.app.settings.FilePreferences;
import welljabber.app.settings.Settings;
import welljabber.app.settings.WindowGeometry;
import welljabber.app.shell.FileDialogs;
import welljabber.app.shell.MainWindow;
import welljabber.app.shell.ShellActions;
import welljabber.app.shell.ShellDialogs;
import welljabber.app.shell.UiRegistry;
import welljabber.app.storage.Database;
import welljabber.app.tls.PinnedCertificates;
import welljabber.app.tls.TrustDecision;
import welljabber.app.tls.UntrustedCertificateException;

/**
 * The composition root: builds the services in {@link #init()} (off the FX thread: database,
 * accounts, plugin discovery, sandbox), the window in {@link #start(Stage)}, and takes it all down
 * in {@link #stop()}.
 */
public final class WellJabberApp extends Application {
    private static volatile Launch pending;

    private final Launch launch;
    private final FileDialogs fileDialogs;
    private ExecutorService background;
    private Settings settings;
    private Messages messages;
    private TypedEventBus events;
    private Database database;
    private PinnedCertificates pins;
    private Sessions sessions;
    private AccountService accounts;
    private List<PluginRecord> discovered;
    private PluginLoader pluginLoader;
    private PluginStates pluginStates;
    private Set<String> disabledPlugins = Set.of();
    private PluginHost plugins;
    private PluginManager pluginManager;
    private MainWindow window;
    private Stage stage;
    private Optional<SandboxSession> sandbox = Optional.empty();
    private Optional<String> startupProblem = Optional.empty();
    /** Hears a second start of this profile; absent where a Unix socket cannot be made. */
    private Optional<InstanceListener> instance = Optional.empty();
    private boolean profileInUse;
    private List<Account> storedAccounts = List.of();
    private final Set<String> trustQuestionsOpen = ConcurrentHashMap.newKeySet();

    /** Used by {@link Application#launch}; the launch settings come from {@link Main}. */
    public WellJabberApp() {
        this(pending);
    }

    public WellJabberApp(Launch launch) {
        this(launch, FileDialogs.desktop());
    }

    /** With {@code fileDialogs} answering the shell's questions for files (tests give paths). */
    public WellJabberApp(Launch launch, FileDialogs fileDialogs) {
        this.launch = java.util.Objects.requireNonNull(launch, "Start WellJabber through welljabber.app.Main");
        this.fileDialogs = fileDialogs;
    }

    /**
     * Called by {@link Main} before the JavaFX toolkit starts: opens the profile's settings and
     * database on another thread meanwhile, since start-up is otherwise serial and the second core idle.
     */
    static void prepare(Launch launch, Runnable firstOnThatThread) {
        pending = launch;
        early = CompletableFuture.supplyAsync(() -> {
            firstOnThatThread.run();
            return Profile.open(launch);
        }, runnable -> Thread.ofPlatform().name("welljabber-open-profile").start(runnable));
    }

    private static volatile CompletableFuture<Profile> early;

    /** The profile's settings and database, opened before the window exists. */
    private record Profile(Settings settings, Messages messages, Database database) {
        static Profile open(Launch launch) {
            launch.paths().create();
            Settings settings = new Settings(launch.paths().settingsFile());
            return new Profile(settings, new Messages(settings.locale()), Database.open(launch.paths().database()));
        }
    }

    @Override
    public void init() {
        CompletableFuture<Profile> opening = early;
        early = null;
        Profile profile;
        try {
            profile = opening != null ? opening.join() : Profile.open(launch);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof ProfileInUseException inUse) {
                profileInUse(inUse);
                return;
            }
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } catch (ProfileInUseException inUse) {
            profileInUse(inUse);
            return;
        }
        settings = profile.settings();
        messages = profile.messages();
        database = profile.database();
        background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("welljabber-", 0).factory());
        events = new TypedEventBus(Platform::runLater, background);
        pins = new PinnedCertificates(database);
        background.execute(SmackSetup::ensure);
        sessions = new Sessions(background, pins, events, failure -> ErrorSentences.forThrowable(failure, messages.locale()),
                settings::stanzaLog);
        PasswordStore passwords = PasswordStores.choose(launch.paths().config(), launch.allowKeyring() && settings.useKeyring());
        accounts = new AccountService(new AccountRepository(database), passwords, sessions, events, background);
        if (launch.commandLine().sandbox()) {
            try {
                sandbox = Optional.of(SandboxSession.start(launch.paths(), new AccountRepository(database), pins, passwords,
                        messages, System.out::println));
            } catch (SandboxSession.SandboxException failed) {
                Logger.error(failed, "The sandbox did not start");
                startupProblem = Optional.of(failed.getMessage());
            }
        }
        storedAccounts = accounts.loadBlocking();
        Logger.info("Profile {} has {} accounts", launch.paths().data(), storedAccounts.size());
        pluginLoader = new PluginLoader(messages);
        discovered = pluginLoader.load(launch.pluginFolders());
        pluginStates = new PluginStates(database);
        try {
            disabledPlugins = pluginStates.disabled();
        } catch (RuntimeException unreadable) {
            Logger.error(unreadable, "Cannot read which plugins are disabled; starting all");
        }
    }

    /**
     * Another process holds the profile and did not take the hand-over (Main tries that first): it is
     * starting, hung, or too old to listen. Said in a sentence when the window would open.
     */
    private void profileInUse(ProfileInUseException inUse) {
        Logger.error(inUse, "The profile is in use by another process");
        messages = new Messages(new Settings(launch.paths().settingsFile()).locale());
        profileInUse = true;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        if (profileInUse) {
            System.err.println(messages.get("instance.inUse"));
            Alert alert = new Alert(Alert.AlertType.ERROR, messages.get("instance.inUse"));
            alert.setHeaderText(null);
            alert.showAndWait();
            Platform.exit();
            return;
        }
        accounts.show(storedAccounts);
        UiRegistry ui = new UiRegistry();
        ui.setFileDialogs(fileDialogs);
        ShellDialogs dialogs = new ShellDialogs(primaryStage, messages, settings, accounts, ui, Version.current(),
                launch.paths());
        window = new MainWindow(messages, ui, accounts, new Actions(dialogs));
        accounts.setPasswordPrompt(dialogs::askPassword);
        sessions.onUntrustedCertificate((account, certificate) -> Platform.runLater(() -> askTrust(account, certificate)));
        window.install(primaryStage, settings.sidePaneWidth());
        restoreGeometry(primaryStage, settings.windowGeometry());

        plugins = new PluginHost(new PluginHost.Shared(events, sessions, database, ui, new SharedServices(), background,
                launch.paths().config(), launch.paths().data(), messages.locale()), messages, discovered);
        pluginManager = new PluginManager(plugins, pluginLoader, pluginStates, messages, launch.paths().plugins(), background);
        dialogs.setPlugins(pluginManager);
        dialogs.setFileDialogs(fileDialogs);
        List<PluginRecord> failed = plugins.startAll(disabledPlugins);

        primaryStage.setOnShown(event -> mainWindowShown());
        primaryStage.setOnCloseRequest(event -> rememberGeometry());
        primaryStage.show();
        if (!failed.isEmpty()) {
            dialogs.reportPluginFailures(failed);
        }
        startupProblem.ifPresent(problem -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, problem);
            alert.initOwner(primaryStage);
            alert.setHeaderText(null);
            alert.show();
        });
        TrainingRun.watchIfAsked(events, storedAccounts, sandbox); // -Dwelljabber.exitWhenConnected: the AOT cache's training run (jlink/)
        for (Account account : storedAccounts) {
            if (account.connectAtStart()) {
                accounts.connect(account.id());
            }
        }
        launch.commandLine().uri().ifPresent(this::open);
        instance = InstanceSocket.of(launch.paths()).flatMap(socket -> InstanceListener.listen(socket,
                request -> Platform.runLater(() -> secondStart(request))));
    }

    /** The user started WellJabber again, or the desktop opened an xmpp: link with it: this window answers. */
    private void secondStart(InstanceListener.Request request) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        request.uri().ifPresent(text -> {
            XmppUri uri;
            try {
                uri = XmppUri.parse(text);
            } catch (IllegalArgumentException malformed) {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.format("instance.badLink", malformed.getMessage()));
                alert.initOwner(stage);
                alert.setHeaderText(null);
                alert.show();
                return;
            }
            open(uri);
        });
    }

    private void mainWindowShown() {
        Duration sinceStart = Duration.between(launchedAt(), Instant.now());
        Logger.info("Main window shown {} ms after process start", sinceStart.toMillis());
        if (Boolean.getBoolean("welljabber.exitWhenShown")) {
            // For the start-up benchmark: say so on stdout, then close as a user would.
            System.out.println("WELLJABBER MAIN WINDOW SHOWN " + sinceStart.toMillis());
            Platform.runLater(Platform::exit);
        }
    }

    /**
     * When the launcher started us: it passes the time as {@code welljabber.launchedAt} (epoch ms);
     * otherwise the process start time, which Linux only gives to the nearest second of boot time.
     */
    private static Instant launchedAt() {
        String fromLauncher = System.getProperty("welljabber.launchedAt");
        if (fromLauncher != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(fromLauncher.trim()));
            } catch (NumberFormatException ignored) {
                // fall through to the process start time
            }
        }
        return ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }

    private void askTrust(Account account, UntrustedCertificateException certificate) {
        if (!trustQuestionsOpen.add(account.id().value())) {
            return;
        }
        try {
            TrustDecision decision = ShellDialogs.askTrust(stage, messages, account, certificate);
            String fingerprint = welljabber.app.tls.Fingerprint.sha256(certificate.leaf());
            switch (decision) {
                case ONCE -> {
                    pins.trustForSession(account.id(), fingerprint);
                    accounts.connect(account.id());
                }
                case ALWAYS -> background.execute(() -> {
                    pins.pin(account.id(), fingerprint, certificate.leaf().getSubjectX500Principal().getName());
                    Platform.runLater(() -> accounts.connect(account.id()));
                });
                case CANCEL -> Logger.info("The user did not trust the certificate of {}", account.jid().getDomain());
            }
        } finally {
            trustQuestionsOpen.remove(account.id().value());
        }
    }

    private void open(XmppUri uri) {
        var account = accounts.rows().stream().filter(row -> uri.account().map(jid -> jid.equals(row.account().jid())).orElse(true))
                .findFirst();
        if (account.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.format("uri.noAccount", uri.target().toString()));
            alert.initOwner(stage);
            alert.show();
            return;
        }
        var id = account.get().account().id();
        if (uri.action().filter("join"::equals).isPresent() && uri.target().asEntityBareJidIfPossible() != null) {
            events.publish(new OpenRoomRequested(id, uri.target().asEntityBareJidIfPossible(), Optional.empty(),
                    Optional.ofNullable(uri.parameters().get("password"))));
        } else {
            events.publish(new OpenChatRequested(id, uri.target(), Optional.ofNullable(uri.parameters().get("body"))));
        }
    }

    private void restoreGeometry(Stage target, WindowGeometry geometry) {
        target.setWidth(geometry.width());
        target.setHeight(geometry.height());
        if (geometry.hasPosition() && onSomeScreen(geometry)) {
            target.setX(geometry.x());
            target.setY(geometry.y());
        } else {
            target.centerOnScreen();
        }
        target.setMaximized(geometry.maximized());
    }

    /** A window remembered on a monitor that is gone would open out of sight. */
    private static boolean onSomeScreen(WindowGeometry geometry) {
        return !javafx.stage.Screen.getScreensForRectangle(geometry.x(), geometry.y(), 50, 50).isEmpty();
    }

    private void rememberGeometry() {
        if (stage == null || settings == null) {
            return;
        }
        settings.setWindowGeometry(new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
        settings.setSidePaneWidth(window.sideDivider());
    }

    @Override
    public void stop() {
        if (profileInUse) {
            return;
        }
        Logger.info("WellJabber is closing");
        try {
            closeAll();
        } finally {
            // Settings are written in the background; the writer's thread does not keep the JVM alive.
            FilePreferences.flushAll();
        }
    }

    /** Plugins, connections, background work, the database: in that order, each after what uses it. */
    private void closeAll() {
        instance.ifPresent(InstanceListener::close);
        rememberGeometry();
        if (pluginManager != null) {
            pluginManager.stopAll();
        }
        if (sessions != null) {
            sessions.disconnectAll();
            sessions.awaitQuiet(Duration.ofSeconds(3));
        }
        // Work still running in the background (an account saved, a draft, a message handed to the outbox)
        // finishes before the database closes under it.
        if (background != null) {
            background.shutdown();
            try {
                background.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
        sandbox.ifPresent(SandboxSession::close);
    }

    /** The accounts' connections, for tests and benchmarks that time what happens on them. */
    public welljabber.api.connection.XmppSessions sessions() {
        return sessions;
    }

    /** The shell's event bus, for tests that watch what plugins publish. */
    public welljabber.api.event.EventBus events() {
        return events;
    }

    /** The plugins the shell knows, for tests. */
    public List<PluginRecord> pluginRecords() {
        return plugins == null ? List.of() : List.copyOf(plugins.records());
    }

    private final class Actions implements ShellActions {
        private final ShellDialogs dialogs;

        Actions(ShellDialogs dialogs) {
            this.dialogs = dialogs;
        }

        @Override
        public void openSettings() {
            dialogs.openSettings();
        }

        @Override
        public void quit() {
            rememberGeometry();
            Platform.exit();
        }

        @Override
        public void openAccounts() {
            dialogs.openAccounts();
        }

        @Override
        public void addAccount() {
            dialogs.addAccount();
        }

        @Override
        public void connectAll() {
            accounts.connectAll();
        }

        @Override
        public void disconnectAll() {
            sessions.disconnectAll();
        }

        @Override
        public void openPlugins() {
            dialogs.openPlugins();
        }

        @Override
        public void openAbout() {
            dialogs.openAbout();
        }
    }

}
