// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.time.LocalDate;

/**
 * The name the save dialog suggests: the contact's address and the day, such as
 * {@code alice@example.org 2026-11-28} (the kind of file chosen adds the extension). Characters that a Linux, Windows or macOS folder (a USB
 * stick, a shared drive) would refuse or misread become {@code _}, so the suggestion always saves.
 */
final class ExportFileName {
    /** Refused by Windows file systems, or a folder separator somewhere; control characters are refused too. */
    private static final String NOT_ALLOWED = "/\\:*?\"<>|";
    /** Even at 4 bytes a character, leaves room for the date and extension within the 255 bytes file systems allow. */
    private static final int MAX_ADDRESS = 55;

    private ExportFileName() {
    }

    static String of(String peerAddress, LocalDate day) {
        StringBuilder name = new StringBuilder();
        peerAddress.codePoints().limit(MAX_ADDRESS).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || NOT_ALLOWED.indexOf(cp) >= 0) {
                name.append('_');
            } else {
                name.appendCodePoint(cp);
            }
        });
        // A leading dot would hide the file; trailing dots and spaces are dropped by Windows.
        if (name.isEmpty() || name.charAt(0) == '.') {
            name.insert(0, '_');
        }
        return name.toString().strip() + " " + day;
    }
}
