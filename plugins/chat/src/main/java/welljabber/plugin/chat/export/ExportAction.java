// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.stage.FileChooser;

import welljabber.api.ui.SaveAnswer;
import welljabber.api.ui.SaveQuestion;
import welljabber.api.ui.UiContributions;
import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.conversation.ConversationModel;
import welljabber.plugin.chat.store.MessageStore;

/**
 * "Export conversation…" in a conversation tab: asks where to save through the shell's save dialog (FX
 * thread), exports on the background executor, and tells the user in a sentence how many messages went
 * where, or why none did.
 */
public final class ExportAction {
    private static final System.Logger LOG = System.getLogger(ExportAction.class.getName());
    /** FX thread only: where the last export went, so the next dialog (in any tab) starts there. */
    private static Path lastFolder;

    private final ConversationExporter exporter;
    private final Executor background;
    private final Texts texts;
    private final ExportSentences sentences;
    private final UiContributions ui;
    private final Supplier<String> ownAddress;
    private final Clock clock;

    /**
     * {@code ui} asks where to save and shows the outcome; {@code ownAddress} gives the user's own address
     * for the header when the export starts.
     */
    public ExportAction(MessageStore store, Executor background, Texts texts, UiContributions ui, Supplier<String> ownAddress) {
        this.exporter = new ConversationExporter(store);
        this.background = background;
        this.texts = texts;
        this.sentences = new ExportSentences(texts);
        this.ui = ui;
        this.ownAddress = ownAddress;
        this.clock = Clock.systemUTC();
    }

    /** Asks where to save {@code model}'s conversation and exports it there. FX thread. */
    public void run(ConversationModel model) {
        String peer = model.key().peer().toString();
        FileChooser.ExtensionFilter text = new FileChooser.ExtensionFilter(texts.get("export.plainText"), "*.txt");
        FileChooser.ExtensionFilter html = new FileChooser.ExtensionFilter(texts.get("export.webPage"), "*.html", "*.htm");
        // Suggested without an extension: the kind chosen in the dialog adds it (target), whichever the user picks.
        Optional<SaveAnswer> answer = ui.askWhereToSave(new SaveQuestion(texts.get("export.title"),
                ExportFileName.of(peer, LocalDate.now(clock.withZone(ZoneId.systemDefault()))), List.of(text, html),
                Optional.ofNullable(lastFolder)));
        if (answer.isEmpty()) {
            return;
        }
        Path chosen = answer.get().path().toAbsolutePath();
        lastFolder = chosen.getParent();
        ExportFormat filterFormat = answer.get().kind().filter(kind -> kind == html).isPresent()
                ? ExportFormat.HTML : ExportFormat.PLAIN_TEXT;
        ExportHeader header = new ExportHeader(ownAddress.get(), peer, clock.instant());
        String ownName = model.ownName();
        String peerName = model.peerName();
        background.execute(() -> {
            String title = texts.get("export.title");
            Path target = target(chosen, filterFormat); // looks at the disk: not on the FX thread
            ExportFormat format = ExportFormat.ofFileName(target.getFileName().toString()).orElse(filterFormat);
            try {
                int count = exporter.export(model.key(), ownName, peerName, header, format,
                        new ExportLabels(texts, ZoneId.systemDefault()), target);
                ui.notify(title, sentences.exported(count, target));
            } catch (IOException | RuntimeException failed) {
                // Whatever went wrong, the user hears a sentence; the details go to the log only.
                LOG.log(System.Logger.Level.WARNING, "Exporting the conversation with " + peer + " to " + target + " failed", failed);
                ui.notify(title, sentences.failed(failed, target));
            }
        });
    }

    /**
     * The file to write for what the dialog returned. A name the user gave an extension keeps it (and it
     * decides the format); otherwise the chosen kind's extension is added, since the dialog does not add
     * it, and if that name is taken a number is added rather than replace a file nobody was asked about.
     */
    static Path target(Path chosen, ExportFormat format) {
        String name = chosen.getFileName().toString();
        if (ExportFormat.ofFileName(name).isPresent()) {
            return chosen;
        }
        Path target = chosen.resolveSibling(name + "." + format.extension());
        for (int number = 2; Files.exists(target); number++) {
            target = chosen.resolveSibling(name + " (" + number + ")." + format.extension());
        }
        return target;
    }
}
