package welljabber.plugin.chat.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableLongValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.conversation.ConversationModel;
import welljabber.plugin.chat.render.BodyRenderer;
import welljabber.plugin.chat.render.RenderedBody;
import welljabber.plugin.chat.render.Segment;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * One message in the conversation list: who and when (and, for ours, how far it got), then the text.
 * The text is built from {@link Text} nodes and {@link Hyperlink}s only, so nothing in it is read as markup.
 */
final class MessageCell extends ListCell<StoredMessage> {
    /** Room for the cell's padding and the list's scroll bar beside the wrapped text. */
    private static final double TEXT_INSET = 36;
    private static final double MIN_TEXT_WIDTH = 200;
    private static final List<String> MESSAGE_KINDS = List.of("chat-outgoing", "chat-incoming", "chat-action", "chat-failed");

    private final ConversationModel model;
    private final Texts texts;
    private final LinkOpener links;
    private final DateTimeFormatter timeOfDay;
    private final DateTimeFormatter dateAndTime;
    private final Label meta = new Label();
    private final TextFlow body = new TextFlow();
    private final Label divider = new Label();
    private final VBox box = new VBox(2, divider, meta, body);
    private final ObservableLongValue firstUnread;
    /** What the cell shows now: the message (the same object: a changed one is a new record), its sender's name, the line above. */
    private StoredMessage shown;
    private String shownSender;
    private boolean shownDivider;

    /** {@code firstUnread}: the message the "new messages" line stands above, if any (-1). */
    MessageCell(ListView<StoredMessage> list, ConversationModel model, Texts texts, LinkOpener links, ObservableLongValue firstUnread) {
        this.model = model;
        this.firstUnread = firstUnread;
        divider.setText(texts.get("unread.divider"));
        divider.getStyleClass().add("chat-unread-divider");
        divider.setMaxWidth(Double.MAX_VALUE);
        showDivider(false);
        this.texts = texts;
        this.links = links;
        this.timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        this.dateAndTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.locale());
        getStyleClass().add("chat-message");
        meta.getStyleClass().add("chat-meta");
        body.getStyleClass().add("chat-body");
        // Never narrower than a short line: before the list is laid out (a tab not shown yet) its width is
        // 0, and wrapping a 64 KB message at a width of nothing breaks it before every character, which
        // took JavaFX's text layout minutes on the FX thread.
        body.prefWidthProperty().bind(Bindings.max(MIN_TEXT_WIDTH, list.widthProperty().subtract(TEXT_INSET)));
        // The same when the cell is measured at a width of nothing (VirtualFlow sizing cells before it has one
        // itself): the box passes its width down to the text, bounded by the text's minimum width.
        body.setMinWidth(MIN_TEXT_WIDTH);
        body.setMinHeight(Region.USE_PREF_SIZE);
        setPrefWidth(0); // let the list's width, not the text's, decide the cell's width so the text wraps
    }

    @Override
    protected void updateItem(StoredMessage message, boolean empty) {
        super.updateItem(message, empty);
        String sender = empty || message == null ? null : message.outgoing() ? model.ownName() : model.peerName();
        boolean divider = !empty && message != null && message.id() == firstUnread.get();
        if (!empty && message != null && message == shown && sender.equals(shownSender) && divider == shownDivider
                && box.isVisible()) {
            // The same message at another index (older rows were forgotten above it, or a page loaded): every
            // row on screen moves then, and rebuilding each one's text and links would change nothing.
            return;
        }
        shown = empty ? null : message;
        shownSender = sender;
        shownDivider = divider;
        if (empty || message == null) {
            // Hidden, not taken out: the list measures rows with one cell it fills and empties again for each,
            // and a box taken out and put back (or its classes taken off and put back) is styled from nothing.
            showBox(false);
            setTooltip(null);
            setText(null);
            return;
        }
        showDivider(divider);
        RenderedBody rendered = BodyRenderer.render(message.body(), sender);
        meta.setText(metaLine(message, sender));
        showSegments(rendered.segments());
        // The text as first sent, on hover, for a corrected message (XEP-0308).
        setTooltip(message.original().map(original -> new Tooltip(texts.format("message.original", original))).orElse(null));
        List<String> kinds = new ArrayList<>(3);
        kinds.add(message.outgoing() ? "chat-outgoing" : "chat-incoming");
        if (rendered.action()) {
            kinds.add("chat-action");
        }
        if (message.state() == welljabber.plugin.chat.store.DeliveryState.FAILED) {
            kinds.add("chat-failed");
        }
        styleAs(kinds);
        setText(null);
        showBox(true);
    }

    private void showBox(boolean shown) {
        box.setVisible(shown);
        box.setManaged(shown);
        if (shown && getGraphic() != box) {
            setGraphic(box);
        }
    }

    /**
     * Gives the box these of the message kinds' style classes, touching its classes only when they differ:
     * any change of a node's classes makes JavaFX style it and everything in it anew, and in a burst every
     * cell on screen takes a new message about ten times a second, nearly always of the same kind.
     */
    private void styleAs(List<String> kinds) {
        List<String> now = box.getStyleClass().stream().filter(MESSAGE_KINDS::contains).toList();
        if (!now.equals(kinds)) {
            box.getStyleClass().removeAll(MESSAGE_KINDS);
            box.getStyleClass().addAll(kinds);
        }
    }

    /**
     * Shows the text's segments. A plain text in place of a plain text (most messages) keeps its node and
     * changes only its text: a new node would be styled from nothing, for each cell at each change.
     */
    private void showSegments(List<Segment> segments) {
        ObservableList<javafx.scene.Node> children = body.getChildren();
        if (segments.size() == 1 && segments.get(0) instanceof Segment.Plain plain
                && children.size() == 1 && children.get(0) instanceof Text text) {
            text.setText(plain.text());
            return;
        }
        children.setAll(segments.stream().map(this::node).toList());
    }

    private void showDivider(boolean shown) {
        divider.setVisible(shown);
        divider.setManaged(shown);
    }

    private String metaLine(StoredMessage message, String sender) {
        String line = sender + "  " + time(message.at());
        if (message.edited()) {
            line += "  " + texts.get("message.edited");
        }
        if (!message.outgoing()) {
            return line;
        }
        String state = switch (message.state()) {
            case QUEUED -> texts.get("state.queued");
            case SENDING -> texts.get("state.sending");
            case SENT -> texts.get("state.sent");
            case DELIVERED -> texts.get("state.delivered");
            case FAILED -> texts.format("state.failed", message.error().orElse(""));
            case RECEIVED -> "";
        };
        return line + "  ·  " + state;
    }

    private String time(Instant at) {
        ZoneId zone = ZoneId.systemDefault();
        boolean today = at.atZone(zone).toLocalDate().equals(LocalDate.now(zone));
        return (today ? timeOfDay : dateAndTime).format(at.atZone(zone));
    }

    private javafx.scene.Node node(Segment segment) {
        return switch (segment) {
            case Segment.Plain plain -> {
                Text text = new Text(plain.text());
                text.getStyleClass().add("chat-text");
                yield text;
            }
            case Segment.Link link -> {
                Hyperlink hyperlink = new Hyperlink(link.text());
                hyperlink.getStyleClass().add("chat-link");
                hyperlink.setTooltip(new Tooltip(link.target().toString()));
                hyperlink.setOnAction(event -> links.open(link.target()));
                yield hyperlink;
            }
        };
    }
}
