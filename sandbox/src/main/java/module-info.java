/**
 * A throwaway Prosody XMPP server on loopback, for WellJabber's {@code --sandbox} mode and for tests.
 *
 * <p>Smack's optional pieces (XML parser, SASL mechanisms, DNS resolver) are loaded reflectively or
 * through {@code ServiceLoader}; they are required here so that they are always resolved on the
 * module path. The JDK modules those automatic modules use are required for the same reason:
 * automatic modules declare no dependencies of their own.
 */
module welljabber.sandbox {
    requires transitive smack.core;
    requires transitive smack.tcp;
    requires transitive smack.im;
    requires transitive smack.extensions;
    requires transitive jxmpp.jid;
    requires transitive jxmpp.core;
    requires smack.java8;
    requires smack.xmlparser;
    requires smack.xmlparser.stax;
    requires smack.sasl.javax;
    requires smack.resolver.javax;

    requires java.logging;
    requires java.naming;
    requires java.security.sasl;
    requires java.xml;

    requires org.tinylog.api;

    exports welljabber.sandbox;
}
