package welljabber.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a file. The shell's dialogs go through this instead of a {@link FileChooser} of
 * their own, so tests, which cannot drive the desktop's file dialog, can answer with a path instead.
 */
@FunctionalInterface
public interface FileDialogs {

    /** The file the user picked to open, or empty when they cancelled. Called on the FX thread. */
    Optional<Path> openFile(Window owner, String title, FileChooser.ExtensionFilter filter);

    /** The desktop's own file dialog. */
    static FileDialogs desktop() {
        return (owner, title, filter) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().setAll(filter);
            File chosen = chooser.showOpenDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
