// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.time.Instant;
import java.util.Objects;

/**
 * What an export says about itself at the top.
 *
 * @param ownAddress  the user's own account, as an address where known
 * @param peerAddress the contact's bare address
 * @param exportedAt  when the export was made
 */
public record ExportHeader(String ownAddress, String peerAddress, Instant exportedAt) {
    public ExportHeader {
        Objects.requireNonNull(ownAddress, "ownAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(exportedAt, "exportedAt");
    }
}
