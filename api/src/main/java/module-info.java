/**
 * The contract WellJabber plugins are written against. It depends on Smack and JavaFX only,
 * never on the application or on a plugin.
 */
module welljabber.api {
    requires transitive javafx.controls;
    requires transitive smack.core;
    requires transitive smack.tcp;
    requires transitive smack.im;
    requires smack.xmlparser; // a stream cut off mid-element is reported as the parser's exception (ErrorSentences)
    requires transitive jxmpp.jid;
    requires jxmpp.core; // an address that does not parse is explained in a sentence (ErrorSentences)
    requires transitive java.sql;

    exports welljabber.api.plugin;
    exports welljabber.api.event;
    exports welljabber.api.account;
    exports welljabber.api.connection;
    exports welljabber.api.presence;
    exports welljabber.api.roster;
    exports welljabber.api.chat;
    exports welljabber.api.conference;
    exports welljabber.api.transfer;
    exports welljabber.api.registration;
    exports welljabber.api.storage;
    exports welljabber.api.ui;
    exports welljabber.api.prefs;
    exports welljabber.api.error;
    exports welljabber.api.i18n;

    uses welljabber.api.plugin.Plugin;
}
