package welljabber.api.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import javafx.stage.FileChooser;

/**
 * Where the user chose to save: the path as the dialog returned it (desktop dialogs do not always add
 * an extension) and the kind of file they picked in it, when the question offered kinds.
 *
 * @since api 1.2
 */
public record SaveAnswer(Path path, Optional<FileChooser.ExtensionFilter> kind) {
    public SaveAnswer {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
