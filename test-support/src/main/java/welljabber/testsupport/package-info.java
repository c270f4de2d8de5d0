/**
 * JUnit 5 support for tests against a real XMPP server: {@link welljabber.testsupport.WithProsody}
 * (or {@link welljabber.testsupport.ProsodyExtension} registered in code) runs one throwaway Prosody
 * per test class and injects {@link welljabber.sandbox.ProsodyServer} and
 * {@link welljabber.testsupport.XmppTestClients} parameters. {@link welljabber.testsupport.RosterPresenceCounter}
 * counts the presences a raw Smack roster has applied (the roster benchmark's delivery check).
 */
package welljabber.testsupport;
