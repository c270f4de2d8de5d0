package welljabber.api.ui;

import java.util.Objects;
import java.util.Optional;

import javafx.scene.input.KeyCombination;

/** A menu item a plugin adds: text already localized, an optional shortcut, and what it does (on the FX thread). */
public record MenuAction(String id, MenuLocation menu, String text, Optional<KeyCombination> accelerator,
        Runnable onAction) {
    public MenuAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(onAction, "onAction");
    }
}
