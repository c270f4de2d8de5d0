/**
 * One-to-one chat: a conversation tab per contact, history kept in the plugin's own H2 schema before
 * anything is shown as sent or acknowledged as received, XEP-0184 delivery receipts, and an outbox
 * that keeps messages typed while disconnected. A bundled plugin: it depends on {@code welljabber.api}
 * and Smack only.
 */
module welljabber.plugin.chat {
    requires welljabber.api;
    requires smack.extensions;
    requires smack.experimental;
    requires smack.tcp;
    requires smack.streammanagement;
    requires jxmpp.core;

    provides welljabber.api.plugin.Plugin with welljabber.plugin.chat.ChatPlugin;
}
