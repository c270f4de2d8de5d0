package welljabber.api.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.stage.FileChooser;

/**
 * What to ask when a plugin wants the user to choose where to save a file: the dialog's title, a
 * file name to suggest, the kinds of file offered (the first is preselected) and the folder to start
 * in (empty: the desktop's choice).
 *
 * @since api 1.2
 */
public record SaveQuestion(String title, String suggestedName, List<FileChooser.ExtensionFilter> kinds, Optional<Path> folder) {
    public SaveQuestion {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(suggestedName, "suggestedName");
        kinds = List.copyOf(kinds);
        Objects.requireNonNull(folder, "folder");
    }
}
