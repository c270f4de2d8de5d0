// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.StoredMessage;

/** Messages and labels for the writer tests: stored messages as history would return them. */
final class ExportSamples {
    /** UTC+8 all year: a time in the export that equals the UTC one would mean the zone was ignored. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-28T03:04:05Z, 11:04:05 in Shanghai. */
    static final Instant AT = Instant.parse("2026-11-28T03:04:05Z");
    static final ConversationKey KEY = new ConversationKey(new AccountId("acc-1"), JidCreate.bareFromOrThrowUnchecked("alice@example.org"));
    static final ExportHeader HEADER = new ExportHeader("me@example.org", "alice@example.org", Instant.parse("2026-11-28T04:00:00Z"));
    private static long ids;

    private ExportSamples() {
    }

    static ExportLabels english() {
        return new ExportLabels(Texts.forLocale(Locale.ENGLISH), SHANGHAI);
    }

    static StoredMessage incoming(String body) {
        ids++;
        return new StoredMessage(ids, ids, KEY, false, Optional.empty(), body, AT, Optional.empty(), DeliveryState.RECEIVED,
                Optional.empty(), false, Optional.empty());
    }

    static StoredMessage outgoing(String body, DeliveryState state, Optional<String> error) {
        ids++;
        return new StoredMessage(ids, ids, KEY, true, Optional.empty(), body, AT, Optional.empty(), state, error, false,
                Optional.empty());
    }

    static StoredMessage corrected(String originally, String finally_) {
        ids++;
        return new StoredMessage(ids, ids, KEY, false, Optional.empty(), finally_, AT, Optional.empty(), DeliveryState.RECEIVED,
                Optional.empty(), false, Optional.of(originally));
    }

    /** A whole export of {@code messages} in {@code format}, as text. */
    static String export(ExportFormat format, ExportLabels labels, StoredMessage... messages) throws IOException {
        StringWriter out = new StringWriter();
        ConversationWriter writer = format.writer(out, labels);
        writer.begin(HEADER);
        for (StoredMessage message : messages) {
            writer.message(ExportedMessage.of(message, "me", "alice"));
        }
        writer.end();
        return out.toString();
    }
}
