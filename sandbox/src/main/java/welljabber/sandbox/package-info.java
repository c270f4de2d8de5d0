/**
 * A throwaway Prosody XMPP server on loopback, for WellJabber's {@code --sandbox} mode and for tests.
 *
 * <ul>
 *   <li>{@link welljabber.sandbox.ProsodyOptions} says what the server looks like (accounts, TLS,
 *       direct TLS, in-band registration, MUC, upload, pre-written rosters);
 *       {@link welljabber.sandbox.ProsodyServer} runs it: {@code start()}, {@code kill()},
 *       {@code terminate()}, {@code pause()}/{@code resume()}, {@code restart()} on the same ports
 *       and data, {@code stop()}/{@code close()}.</li>
 *   <li>{@link welljabber.sandbox.LoopbackConnections} gives Smack settings for it (host, port and
 *       domain explicit, so no DNS; only the server's own certificate trusted through
 *       {@link welljabber.sandbox.PinnedCertificateTrustManager}).</li>
 *   <li>{@link welljabber.sandbox.DemoWorld} is the {@code --sandbox} world: accounts me/alice/bob,
 *       a room, and alice online as an echoing {@link welljabber.sandbox.DemoBot};
 *       {@link welljabber.sandbox.DemoWorld#login()} says how to log in.</li>
 *   <li>{@link welljabber.sandbox.ComponentConnection} is an external component (XEP-0114, enabled with
 *       {@code ProsodyOptions.Builder#externalComponent}) that sends stanzas from any JID of its domain;
 *       with {@link welljabber.sandbox.BigRoster} (thousands of contacts in that domain) and
 *       {@link welljabber.sandbox.PresenceBurst} (all of them coming online at once) it drives the
 *       roster benchmark.</li>
 *   <li>{@link welljabber.sandbox.ProsodyInstallation} checks for Prosody and installs it with apt.</li>
 * </ul>
 *
 * <p>Prosody is only ever run with {@code --config} pointing at the server's own file, and listens
 * on 127.0.0.1 only. A server also ends itself when the process that started it dies.
 */
package welljabber.sandbox;
