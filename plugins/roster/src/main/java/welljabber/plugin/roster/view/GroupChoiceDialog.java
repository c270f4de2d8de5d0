package welljabber.plugin.roster.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;

import welljabber.api.i18n.PluginTexts;

/** Asks for a group, existing or new, to move or copy contacts to. */
final class GroupChoiceDialog extends Dialog<String> {

    GroupChoiceDialog(PluginTexts texts, List<String> groups, boolean copy) {
        setTitle(texts.get(copy ? "group.copy.title" : "group.move.title"));
        setHeaderText(texts.get(copy ? "group.copy.header" : "group.move.header"));
        getDialogPane().setId("groupChoiceDialog");
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("groupChoice");
        choice.setEditable(true);
        choice.getItems().setAll(groups);
        choice.setPromptText(texts.get("add.group.prompt"));
        VBox box = new VBox(8, choice);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? choice.getEditor().getText() : null);
    }
}
