// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.store.DeliveryState;

/**
 * The words and times an export shows, in the user's language and time zone; the writers only decide
 * the layout. Times are written year first with seconds, the same in every language, so an export sorts
 * and reads the same wherever it is opened; the zone is named once in the header.
 */
final class ExportLabels {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Texts texts;
    private final ZoneId zone;

    ExportLabels(Texts texts, ZoneId zone) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The BCP 47 tag of the export's language, for the web page; the base bundle (no language) is English. */
    String languageTag() {
        return texts.locale().getLanguage().isEmpty() ? "en" : texts.locale().toLanguageTag();
    }

    String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    /** The moment with its offset, as a web page's {@code <time datetime>} wants it. */
    String machineTime(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).withNano(0));
    }

    String title(ExportHeader header) {
        return texts.format("export.heading", header.ownAddress(), header.peerAddress());
    }

    String exportedAt(ExportHeader header) {
        return texts.format("export.exportedAt", time(header.exportedAt()), zone.getId());
    }

    String edited() {
        return texts.get("message.edited");
    }

    /** "(not delivered)", with the reason when it is known; {@link DeliveryState#FAILED} messages only. */
    String notDelivered(ExportedMessage message) {
        return message.failureReason()
                .map(reason -> texts.format("export.notDeliveredBecause", reason))
                .orElseGet(() -> texts.get("export.notDelivered"));
    }
}
