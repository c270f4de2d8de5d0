package welljabber.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxToolkit;

import welljabber.api.ui.SaveAnswer;
import welljabber.api.ui.SaveQuestion;
import welljabber.app.cli.CommandLine;
import welljabber.app.cli.XmppUri;
import welljabber.app.profile.ProfilePaths;
import welljabber.app.shell.FileDialogs;

/**
 * Starts the real WellJabber shell in this JVM on TestFX's stage, with a profile folder of the
 * test's own, and closes it again. Restarting on the same profile is how tests check what survives.
 */
public final class ShellFixture implements AutoCloseable {
    private final Path profile;
    private WellJabberApp app;
    /** Tests cannot drive the desktop's file dialog: by default every question for a file is cancelled. */
    private OpenAnswer openAnswer = (owner, title, filter) -> Optional.empty();
    private BiFunction<Window, SaveQuestion, Optional<SaveAnswer>> saveAnswer = (owner, question) -> Optional.empty();

    /** How a test answers "which file to open". */
    @FunctionalInterface
    public interface OpenAnswer {
        Optional<Path> openFile(Window owner, String title, FileChooser.ExtensionFilter filter);
    }
    private Optional<XmppUri> uri = Optional.empty();

    private ShellFixture(Path profile) {
        this.profile = profile;
    }

    public static ShellFixture newProfile() throws IOException {
        return new ShellFixture(Files.createTempDirectory("welljabber-test-profile-"));
    }

    public static ShellFixture on(Path profile) {
        return new ShellFixture(profile);
    }

    /** Answers the shell's "open a file" questions with {@code answer} instead (the path the test wants chosen). */
    public ShellFixture answerFileDialogsWith(OpenAnswer answer) {
        this.openAnswer = answer;
        return this;
    }

    /** Answers "where to save" questions (the shell's and plugins') with {@code answer} instead. */
    public ShellFixture answerSaveDialogsWith(BiFunction<Window, SaveQuestion, Optional<SaveAnswer>> answer) {
        this.saveAnswer = answer;
        return this;
    }

    /** Starts as {@code welljabber xmpp:...} does, as when the desktop opens an xmpp: link with WellJabber. */
    public ShellFixture openingUri(String xmppUri) {
        this.uri = Optional.of(XmppUri.parse(xmppUri));
        return this;
    }

    public Path profile() {
        return profile;
    }

    public ProfilePaths paths() {
        return ProfilePaths.resolve(Optional.of(profile), System.getenv());
    }

    public WellJabberApp start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        ProfilePaths paths = paths();
        // No keyring in tests: the private password file keeps them self-contained.
        Launch launch = new Launch(paths, new CommandLine(Optional.of(profile), false, uri, false),
                List.of(paths.plugins()), false);
        OpenAnswer open = openAnswer;
        BiFunction<Window, SaveQuestion, Optional<SaveAnswer>> save = saveAnswer;
        FileDialogs files = new FileDialogs() {
            @Override
            public Optional<Path> openFile(Window owner, String title, FileChooser.ExtensionFilter filter) {
                return open.openFile(owner, title, filter);
            }

            @Override
            public Optional<SaveAnswer> saveFile(Window owner, SaveQuestion question) {
                return save.apply(owner, question);
            }
        };
        app = (WellJabberApp) FxToolkit.setupApplication(() -> new WellJabberApp(launch, files));
        return app;
    }

    public WellJabberApp app() {
        return app;
    }

    /** Closes the shell as a user would (stop() runs: plugins stop, connections close, database closes). */
    public void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    @Override
    public void close() throws TimeoutException {
        stop();
    }

    public static Stage stage() {
        try {
            return FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs on the FX thread and waits, for reading UI state from the test thread. */
    public static void onFx(Runnable work) {
        try {
            FxToolkit.setupFixture(work);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        Platform.setImplicitExit(false);
    }
}
