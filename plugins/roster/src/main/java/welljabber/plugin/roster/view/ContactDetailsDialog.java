package welljabber.plugin.roster.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.jxmpp.jid.FullJid;

import welljabber.api.error.ErrorSentences;
import welljabber.api.i18n.PluginTexts;
import welljabber.api.plugin.PluginContext;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ResourcePresence;
import welljabber.plugin.roster.session.ContactOperations;

/**
 * A contact's details: address, name, groups, subscription, and each online resource with its
 * presence, priority and client. Client names come from entity caps (XEP-0115, already known, no
 * network); "Ask their clients" asks each resource's software version (XEP-0092) on demand.
 */
final class ContactDetailsDialog {
    private final PluginContext context;
    private final ContactOperations operations;
    private final PluginTexts texts;

    ContactDetailsDialog(PluginContext context, ContactOperations operations, PluginTexts texts) {
        this.context = context;
        this.operations = operations;
        this.texts = texts;
    }

    void show(Contact contact) {
        Dialog<Void> dialog = new Dialog<>();
        context.ui().mainWindow().ifPresent(dialog::initOwner);
        dialog.setTitle(texts.format("details.title", contact.displayName()));
        dialog.getDialogPane().setId("contactDetails");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(4);
        facts.addRow(0, new Label(texts.get("details.address")), new Label(contact.jid().toString()));
        facts.addRow(1, new Label(texts.get("details.name")), new Label(contact.name()));
        facts.addRow(2, new Label(texts.get("details.groups")), new Label(String.join(", ", contact.groups())));
        String key = contact.subscription().labelKey();
        facts.addRow(3, new Label(texts.get("details.subscription")),
                new Label(texts.get(key.isEmpty() ? "subscription.both.long" : key + ".long")));

        Map<String, String> clients = new ConcurrentHashMap<>();
        TableView<ResourcePresence> table = new TableView<>();
        table.setId("contactResources");
        table.setPlaceholder(new Label(texts.get("details.noResources")));
        table.getColumns().add(column(texts.get("details.resource"), resource -> ErrorSentences.sanitize(resource.resource())));
        table.getColumns().add(column(texts.get("details.presence"),
                resource -> texts.get(RosterCell.PresenceStyle.labelKey(resource.kind()))));
        TableColumn<ResourcePresence, Integer> priority = new TableColumn<>(texts.get("details.priority"));
        priority.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().priority()));
        table.getColumns().add(priority);
        table.getColumns().add(column(texts.get("details.status"), ResourcePresence::status));
        table.getColumns().add(column(texts.get("details.client"), resource -> clients.getOrDefault(resource.resource(), "")));
        table.getItems().setAll(contact.resources());
        table.setPrefHeight(160);

        Label problem = new Label();
        problem.setId("detailsProblem");
        problem.setWrapText(true);
        Button ask = new Button(texts.get("details.askVersions"));
        ask.setId("askVersions");
        ask.setDisable(contact.resources().isEmpty());
        ask.setOnAction(event -> askAll(contact, clients, table, problem, true));
        askAll(contact, clients, table, problem, false);

        VBox content = new VBox(10, facts, table, ask, problem);
        content.setPadding(new Insets(12));
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.show();
    }

    private void askAll(Contact contact, Map<String, String> clients, TableView<ResourcePresence> table, Label problem,
            boolean askVersion) {
        for (ResourcePresence resource : contact.resources()) {
            FullJid full = contact.resourceJid(resource.resource());
            operations.clientInfo(contact.account(), full, askVersion).whenComplete((info, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    problem.setText(texts.format("details.versionFailed", resource.resource(), cause.getMessage()));
                    return;
                }
                String text = info.software().map(software -> info.os().map(os -> texts.format("details.clientOs", software, os))
                        .orElse(software)).orElse(info.capsName());
                clients.put(resource.resource(), text);
                table.refresh();
            }));
        }
    }

    private static TableColumn<ResourcePresence, String> column(String title, java.util.function.Function<ResourcePresence, String> value) {
        TableColumn<ResourcePresence, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
