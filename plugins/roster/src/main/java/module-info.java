/**
 * The contact list: contacts by group with presence, subscriptions (authorisation control),
 * resources, blocking (XEP-0191) and a persistent roster store for roster versioning (XEP-0237).
 * A bundled plugin: it depends on {@code welljabber.api} and Smack only, and opens chats by
 * publishing {@code OpenChatRequested} instead of knowing the chat plugin.
 */
module welljabber.plugin.roster {
    requires welljabber.api;
    requires smack.extensions;
    requires smack.tcp;

    provides welljabber.api.plugin.Plugin with welljabber.plugin.roster.RosterPlugin;
}
