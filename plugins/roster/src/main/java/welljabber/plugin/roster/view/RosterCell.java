package welljabber.plugin.roster.view;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import welljabber.api.i18n.PluginTexts;
import welljabber.api.presence.PresenceKind;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ContactRow;
import welljabber.plugin.roster.model.GroupRow;
import welljabber.plugin.roster.model.RosterRow;

/**
 * One line of the list. Both shapes (group header, contact) are built once per cell and reused as
 * the list scrolls; nothing here touches the network or the book.
 */
final class RosterCell extends ListCell<RosterRow> {
    private final PluginTexts texts;
    private final Consumer<GroupRow> onToggle;

    private final Label arrow = new Label();
    private final Label groupName = new Label();
    private final Label groupCount = new Label();
    private final HBox groupLine;

    private final Circle presence = new Circle(5);
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label subscription = new Label();
    private final Label blocked = new Label();
    private final Label unread = new Label();
    private final HBox contactLine;
    /** Made when the pointer first rests on the cell: a tooltip per cell up front slowed the first paint of the list. */
    private Tooltip tooltip;

    RosterCell(PluginTexts texts, Consumer<GroupRow> onToggle) {
        this.texts = texts;
        this.onToggle = onToggle;
        getStyleClass().add("roster-cell");
        // Without this a long status message makes the cell wider than the list and brings up a
        // horizontal scroll bar; with it the cell takes the list's width and the labels get "…".
        setPrefWidth(0);

        arrow.getStyleClass().add("roster-group-arrow");
        groupName.getStyleClass().add("roster-group-name");
        groupCount.getStyleClass().add("roster-group-count");
        groupLine = new HBox(6, arrow, groupName, groupCount);
        groupLine.setAlignment(Pos.CENTER_LEFT);
        arrow.setOnMouseClicked(event -> {
            if (getItem() instanceof GroupRow group) {
                onToggle.accept(group);
                event.consume();
            }
        });

        presence.getStyleClass().add("roster-presence");
        name.getStyleClass().add("roster-name");
        status.getStyleClass().add("roster-status");
        subscription.getStyleClass().add("roster-subscription");
        blocked.getStyleClass().add("roster-blocked");
        blocked.setText(texts.get("contact.blocked"));
        unread.getStyleClass().add("roster-unread");
        VBox text = new VBox(0, name, status);
        text.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        text.setMinWidth(0);
        contactLine = new HBox(8, presence, text, spacer, subscription, blocked, unread);
        contactLine.setAlignment(Pos.CENTER_LEFT);
        setOnMouseEntered(event -> {
            if (getItem() instanceof ContactRow row) {
                if (tooltip == null) {
                    tooltip = new Tooltip();
                }
                tooltip.setText(tooltipText(row.contact()));
                setTooltip(tooltip);
            } else {
                setTooltip(null);
            }
        });
    }

    @Override
    protected void updateItem(RosterRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            rowStyle(null);
            return;
        }
        switch (row) {
            case GroupRow group -> showGroup(group);
            case ContactRow contact -> showContact(contact.contact());
        }
    }

    private void showGroup(GroupRow group) {
        rowStyle("roster-group-row");
        setTooltip(null);
        arrow.setText(group.collapsed() ? "▸" : "▾");
        String title = group.name().isEmpty() ? texts.get("group.none") : group.name();
        groupName.setText(group.account().isEmpty() ? title : texts.format("group.withAccount", title, group.account()));
        groupCount.setText(texts.format("group.count", group.online(), group.total()));
        setTooltip(null);
        setGraphic(groupLine);
    }

    private void showContact(Contact contact) {
        rowStyle("roster-contact-row");
        styleClasses(presence, "roster-presence", PresenceStyle.styleClass(contact.kind()));
        name.setText(contact.displayName());
        if (contact.unread() > 0) {
            styleClasses(name, "roster-name", "roster-name-unread");
        } else if (!contact.online()) {
            styleClasses(name, "roster-name", "roster-name-offline");
        } else {
            styleClasses(name, "roster-name");
        }
        status.setText(contact.status());
        status.setVisible(!contact.status().isEmpty());
        status.setManaged(!contact.status().isEmpty());
        String subscriptionKey = contact.subscription().labelKey();
        subscription.setText(subscriptionKey.isEmpty() ? "" : texts.get(subscriptionKey));
        subscription.setVisible(!subscriptionKey.isEmpty());
        subscription.setManaged(!subscriptionKey.isEmpty());
        blocked.setVisible(contact.blocked());
        blocked.setManaged(contact.blocked());
        unread.setText(Integer.toString(contact.unread()));
        unread.setVisible(contact.unread() > 0);
        unread.setManaged(contact.unread() > 0);
        setGraphic(contactLine);
    }

    /**
     * Changing a style class makes JavaFX look the node's CSS up again, the costliest part of a
     * cell update; during a presence burst most cells keep their classes, so only real changes are made.
     */
    private static void styleClasses(javafx.scene.Node node, String... classes) {
        if (!node.getStyleClass().equals(java.util.List.of(classes))) {
            node.getStyleClass().setAll(classes);
        }
    }

    /** Marks the cell as a group or contact row (or neither, when empty), touching its classes only on a change. */
    private void rowStyle(String rowClass) {
        for (String other : new String[] {"roster-group-row", "roster-contact-row"}) {
            if (!other.equals(rowClass)) {
                getStyleClass().remove(other);
            }
        }
        if (rowClass != null && !getStyleClass().contains(rowClass)) {
            getStyleClass().add(rowClass);
        }
    }

    private String tooltipText(Contact contact) {
        StringBuilder text = new StringBuilder(contact.jid().toString());
        text.append('\n').append(texts.get(PresenceStyle.labelKey(contact.kind())));
        if (!contact.status().isEmpty()) {
            text.append(" — ").append(contact.status());
        }
        String subscriptionKey = contact.subscription().labelKey();
        text.append('\n').append(texts.get(subscriptionKey.isEmpty() ? "subscription.both.long" : subscriptionKey + ".long"));
        if (contact.resources().size() > 1) {
            text.append('\n').append(texts.format("contact.resources", contact.resources().size()));
        }
        return text.toString();
    }

    /** Presence kinds as style classes and label keys. */
    static final class PresenceStyle {
        private PresenceStyle() {
        }

        static String styleClass(PresenceKind kind) {
            return "presence-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static String labelKey(PresenceKind kind) {
            return "presence." + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
