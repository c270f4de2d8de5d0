package welljabber.plugin.serverinfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import welljabber.api.account.AccountId;

/**
 * The Server side pane and the status bar label. Holds what is known about each connected account's
 * server, in the order the accounts connected; every method runs on the JavaFX thread.
 */
final class ServerView {

    private enum Phase { LOADING, READY, FAILED }

    /** One connected account: the last report stays visible while a new one is being asked for. */
    private record Entry(String jid, Phase phase, Optional<ServerReport> report, String problem) {
    }

    private final Texts texts;
    private final Map<AccountId, Entry> entries = new LinkedHashMap<>();

    private final VBox root = new VBox(8);
    private final HBox header = new HBox(6);
    private final ComboBox<AccountId> accountChoice = new ComboBox<>();
    private final Button refresh = new Button();
    private final Label offline = new Label();
    private final Label status = new Label();
    private final VBox facts = new VBox(5);
    private final Label software = value("serverSoftware");
    private final VBox osFact;
    private final Label os = value("serverOs");
    private final Label boundJid = value("serverBoundJid");
    private final Label security = value("serverSecurity");
    private final Label streamManagement = value("serverStreamManagement");
    private final Label featuresTitle = new Label();
    private final ListView<FeatureLine> features = new ListView<>();
    private final Label featuresPlaceholder = new Label();
    private final Label statusItem = new Label();
    private boolean updatingChoice;

    ServerView(Texts texts, Runnable onRefresh) {
        this.texts = texts;
        root.setId("serverInfoPane");
        root.setPadding(new Insets(8));
        root.getStyleClass().add("serverinfo");
        var stylesheet = ServerView.class.getResource("serverinfo.css");
        if (stylesheet != null) {
            root.getStylesheets().add(stylesheet.toExternalForm());
        }

        accountChoice.setId("serverAccountChoice");
        accountChoice.setMaxWidth(Double.MAX_VALUE);
        accountChoice.setTooltip(new Tooltip(texts.get("pane.account.tooltip")));
        accountChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(AccountId account) {
                Entry entry = account == null ? null : entries.get(account);
                return entry == null ? "" : entry.jid();
            }

            @Override
            public AccountId fromString(String text) {
                return null;
            }
        });
        accountChoice.valueProperty().addListener((observable, before, after) -> {
            if (!updatingChoice) {
                render();
            }
        });
        HBox.setHgrow(accountChoice, Priority.ALWAYS);
        refresh.setId("serverRefresh");
        refresh.setText(texts.get("pane.refresh"));
        refresh.setTooltip(new Tooltip(texts.get("pane.refresh.tooltip")));
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(event -> onRefresh.run());
        header.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().setAll(accountChoice, refresh);

        offline.setId("serverOffline");
        offline.setText(texts.get("pane.offline"));
        offline.setWrapText(true);
        offline.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("serverStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        // Caption above value, one fact under the other: the side pane is narrow, and addresses are long.
        facts.setId("serverFacts");
        osFact = fact("fact.os", os);
        facts.getChildren().setAll(fact("fact.software", software), osFact, fact("fact.jid", boundJid),
                fact("fact.security", security), fact("fact.sm", streamManagement));

        featuresTitle.setId("serverFeaturesTitle");
        featuresTitle.getStyleClass().add("serverinfo-heading");
        featuresTitle.setPadding(new Insets(4, 0, 0, 0));
        features.setId("serverFeatures");
        features.setCellFactory(list -> {
            FeatureCell cell = new FeatureCell();
            // Rows wrap instead of running off to the right: the pane is narrow and some names are long.
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            return cell;
        });
        features.setFocusTraversable(false);
        featuresPlaceholder.setWrapText(true);
        featuresPlaceholder.setPadding(new Insets(8));
        features.setPlaceholder(featuresPlaceholder);
        features.setPrefHeight(240);
        features.setMinHeight(80);
        VBox.setVgrow(features, Priority.ALWAYS);

        root.getChildren().setAll(header, offline, status, facts, featuresTitle, features);

        statusItem.setId("serverInfoStatus");
        statusItem.setMaxWidth(240);
        statusItem.setTextOverrun(OverrunStyle.ELLIPSIS);
        render();
        renderStatusItem();
    }

    /** The side pane's content. */
    Node pane() {
        return root;
    }

    /** The status bar label: the first connected account's server software, or nothing. */
    Node statusItem() {
        return statusItem;
    }

    void loading(AccountId account, String jid) {
        Entry before = entries.get(account);
        entries.put(account, new Entry(jid, Phase.LOADING,
                before == null ? Optional.empty() : before.report(), ""));
        changed();
    }

    void show(AccountId account, String jid, ServerReport report) {
        entries.put(account, new Entry(jid, Phase.READY, Optional.of(report), ""));
        changed();
    }

    void failed(AccountId account, String jid, String sentence) {
        entries.put(account, new Entry(jid, Phase.FAILED, Optional.empty(), sentence));
        changed();
    }

    void offline(AccountId account) {
        if (entries.remove(account) != null) {
            changed();
        }
    }

    void clear() {
        entries.clear();
        changed();
    }

    private void changed() {
        updatingChoice = true;
        try {
            AccountId selected = accountChoice.getValue();
            accountChoice.getItems().setAll(entries.keySet());
            if (selected != null && entries.containsKey(selected)) {
                accountChoice.setValue(null);
                accountChoice.setValue(selected);
            } else {
                accountChoice.setValue(entries.isEmpty() ? null : entries.keySet().iterator().next());
            }
        } finally {
            updatingChoice = false;
        }
        render();
        renderStatusItem();
    }

    private void render() {
        AccountId selected = accountChoice.getValue();
        Entry entry = selected == null ? null : entries.get(selected);
        boolean any = entry != null;
        show(header, any);
        show(offline, !any);
        if (!any) {
            show(status, false);
            show(facts, false);
            show(featuresTitle, false);
            show(features, false);
            features.getItems().clear();
            return;
        }
        status.getStyleClass().remove("serverinfo-problem");
        switch (entry.phase()) {
            case LOADING -> status.setText(texts.format("pane.loading", entry.jid()));
            case FAILED -> {
                status.setText(entry.problem());
                status.getStyleClass().add("serverinfo-problem");
            }
            case READY -> status.setText("");
        }
        show(status, entry.phase() != Phase.READY);
        Optional<ServerReport> report = entry.report();
        show(facts, report.isPresent());
        show(featuresTitle, report.isPresent());
        show(features, report.isPresent());
        report.ifPresentOrElse(this::renderReport, () -> features.getItems().clear());
    }

    private void renderReport(ServerReport report) {
        Optional<String> softwareText = report.softwareText();
        software.setText(softwareText.orElseGet(() -> report.softwareProblem().orElse(texts.get("value.notReported"))));
        problem(software, softwareText.isEmpty() && report.softwareProblem().isPresent());
        String system = report.software().map(Software::os).orElse("");
        os.setText(system);
        show(osFact, !system.isEmpty());
        boundJid.setText(report.boundJid());
        security.setText(texts.get(report.secure() ? "value.tls.yes" : "value.tls.no"));
        problem(security, !report.secure());
        streamManagement.setText(texts.get(report.streamManagement() ? "value.sm.active" : "value.sm.inactive"));
        featuresTitle.setText(texts.format("features.title", report.domain()));
        featuresPlaceholder.setText(report.featuresProblem().orElse(texts.get("features.none")));
        problem(featuresPlaceholder, report.featuresProblem().isPresent());
        features.getItems().setAll(report.features());
    }

    private void renderStatusItem() {
        Optional<Map.Entry<AccountId, Entry>> first = entries.entrySet().stream()
                .filter(e -> e.getValue().report().flatMap(ServerReport::softwareText).isPresent())
                .findFirst();
        if (first.isEmpty()) {
            statusItem.setText("");
            statusItem.setTooltip(null);
            show(statusItem, false);
            return;
        }
        String text = first.get().getValue().report().flatMap(ServerReport::softwareText).orElseThrow();
        statusItem.setText(text);
        statusItem.setTooltip(new Tooltip(texts.format("status.tooltip", first.get().getValue().jid(), text)));
        show(statusItem, true);
    }

    private VBox fact(String captionKey, Label value) {
        Label caption = new Label(texts.get(captionKey));
        caption.getStyleClass().add("serverinfo-key");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(1, caption, value);
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static void problem(Label label, boolean problem) {
        label.getStyleClass().remove("serverinfo-problem");
        if (problem) {
            label.getStyleClass().add("serverinfo-problem");
        }
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private final class FeatureCell extends ListCell<FeatureLine> {
        @Override
        protected void updateItem(FeatureLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("serverinfo-service", "serverinfo-other");
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String text = texts.line(item);
            setText(text);
            setTooltip(new Tooltip(text));
            if (item.kind() == FeatureLine.Kind.SERVICE) {
                getStyleClass().add("serverinfo-service");
            } else if (item.kind() == FeatureLine.Kind.OTHER) {
                getStyleClass().add("serverinfo-other");
            }
        }
    }
}
