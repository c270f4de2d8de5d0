/**
 * The WellJabber shell: main window, accounts, connections, storage and plugin loading.
 *
 * <p>Smack's optional pieces (XML parser, SASL mechanisms, resolver) are found by reflection or
 * {@code ServiceLoader}; they are required here so they are always in the boot layer.
 */
module welljabber.app {
    requires welljabber.api;
    requires welljabber.sandbox;
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires smack.core;
    requires smack.tcp;
    requires smack.im;
    requires smack.extensions;
    requires smack.experimental;
    requires smack.java8;
    requires smack.xmlparser;
    requires smack.xmlparser.stax;
    requires smack.sasl.javax;
    requires smack.resolver.javax;
    requires jxmpp.jid;
    requires jxmpp.core;
    requires org.tinylog.api;
    requires org.tinylog.api.jul;
    requires com.h2database;
    requires java.sql;
    requires java.logging;
    requires java.management;
    requires java.naming;
    requires java.security.sasl;
    requires java.xml;

    exports welljabber.app to javafx.graphics;

    uses welljabber.api.plugin.Plugin;
}
