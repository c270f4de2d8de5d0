package welljabber.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import welljabber.api.ui.SaveAnswer;
import welljabber.api.ui.SaveQuestion;

/**
 * Asks the user for a file. The shell's dialogs, and plugins through {@code UiContributions}, go
 * through this instead of a {@link FileChooser} of their own, so tests, which cannot drive the
 * desktop's file dialog, can answer with a path instead.
 */
public interface FileDialogs {

    /** The file the user picked to open, or empty when they cancelled. Called on the FX thread. */
    Optional<Path> openFile(Window owner, String title, FileChooser.ExtensionFilter filter);

    /** Where the user chose to save, or empty when they cancelled. Called on the FX thread. */
    Optional<SaveAnswer> saveFile(Window owner, SaveQuestion question);

    /** The desktop's own file dialogs. */
    static FileDialogs desktop() {
        return new FileDialogs() {
            @Override
            public Optional<Path> openFile(Window owner, String title, FileChooser.ExtensionFilter filter) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().setAll(filter);
                File chosen = chooser.showOpenDialog(owner);
                return Optional.ofNullable(chosen).map(File::toPath);
            }

            @Override
            public Optional<SaveAnswer> saveFile(Window owner, SaveQuestion question) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(question.title());
                chooser.setInitialFileName(question.suggestedName());
                chooser.getExtensionFilters().setAll(question.kinds());
                if (!question.kinds().isEmpty()) {
                    chooser.setSelectedExtensionFilter(question.kinds().getFirst());
                }
                question.folder().map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
                File chosen = chooser.showSaveDialog(owner);
                return Optional.ofNullable(chosen)
                        .map(file -> new SaveAnswer(file.toPath(), Optional.ofNullable(chooser.getSelectedExtensionFilter())));
            }
        };
    }
}
