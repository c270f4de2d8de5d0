/**
 * Test support for WellJabber: a JUnit 5 extension that runs one throwaway Prosody per test class,
 * and helpers to connect raw Smack clients to it.
 */
module welljabber.testsupport {
    requires transitive welljabber.sandbox;
    requires transitive org.junit.jupiter.api;

    exports welljabber.testsupport;
    opens welljabber.testsupport to org.junit.platform.commons;
}
