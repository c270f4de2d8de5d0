// SPDX-License-Identifier: GPL-3.0-or-later
/** Desktop notices for new messages while the user is elsewhere: when to show one, and summaries of many. */
package welljabber.plugin.chat.notice;
