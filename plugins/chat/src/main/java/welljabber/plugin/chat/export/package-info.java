// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Exporting a conversation to a file the user keeps: plain text or a standalone web page. The history
 * is streamed from the store span by span into a temporary file beside the target, which replaces the
 * target only when everything was written.
 */
package welljabber.plugin.chat.export;
