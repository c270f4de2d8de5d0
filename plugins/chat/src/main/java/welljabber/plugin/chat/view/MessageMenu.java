package welljabber.plugin.chat.view;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import welljabber.api.ui.RightClickMenus;
import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.conversation.ConversationModel;
import welljabber.plugin.chat.export.CopiedMessages;
import welljabber.plugin.chat.export.ExportAction;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * What the user can do with the messages of a conversation: its menu (a right click selects the message
 * under it, Shift and Ctrl add more) with Send again for one of ours that failed, Copy and Export, and
 * the copy shortcut.
 */
final class MessageMenu {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final ListView<StoredMessage> list;
    private final ConversationModel model;
    private final CopiedMessages copied;

    MessageMenu(ListView<StoredMessage> list, ConversationModel model, Texts texts, ExportAction export) {
        this.list = list;
        this.model = model;
        this.copied = new CopiedMessages(texts, ZoneId.systemDefault());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // One of ours that failed (the contact was offline, say) goes out again as a new message; the failed
        // one stays, with its reason, as what happened.
        MenuItem sendAgain = new MenuItem(texts.get("sendAgain.menu"));
        sendAgain.setId("chatSendAgain");
        sendAgain.setOnAction(event -> failedOwnSelected().ifPresent(message -> model.send(message.body(), () -> { })));
        MenuItem copy = new MenuItem(texts.get("copy.menu"));
        copy.setId("chatCopy");
        copy.setAccelerator(COPY);
        copy.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedIndices()));
        copy.setOnAction(event -> copySelected());
        MenuItem exportItem = new MenuItem(texts.get("export.menu"));
        exportItem.setId("chatExport");
        exportItem.setOnAction(event -> export.run(model));
        ContextMenu menu = new ContextMenu(sendAgain, copy, new SeparatorMenuItem(), exportItem);
        menu.setId("chatMenu");
        RightClickMenus.attach(list, (x, y) -> {
            sendAgain.setVisible(failedOwnSelected().isPresent());
            menu.show(list, x, y);
        });
    }

    /**
     * The copy shortcut anywhere in {@code conversation}. Clicking a message selects it and leaves the
     * focus in the input (the list takes no focus, so typing goes on where it was), so the shortcut copies
     * the selected messages from there too, unless {@code inputHasSelectedText}: then it is the input's.
     */
    void copyShortcutIn(Node conversation, BooleanSupplier inputHasSelectedText) {
        conversation.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event) && !inputHasSelectedText.getAsBoolean() && !list.getSelectionModel().isEmpty()) {
                copySelected();
                event.consume();
            }
        });
    }

    /** The one selected message, when it is ours and failed. */
    private Optional<StoredMessage> failedOwnSelected() {
        return list.getSelectionModel().getSelectedIndices().size() != 1 ? Optional.empty()
                : Optional.ofNullable(list.getSelectionModel().getSelectedItem())
                        .filter(message -> message.outgoing() && message.state() == DeliveryState.FAILED);
    }

    /** Puts the selected messages on the clipboard, in the conversation's order. */
    private void copySelected() {
        List<StoredMessage> selected = list.getSelectionModel().getSelectedIndices().stream().sorted()
                .filter(index -> index >= 0 && index < list.getItems().size()).map(list.getItems()::get).toList();
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(copied.of(selected, model.ownName(), model.peerName()));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
