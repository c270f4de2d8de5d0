/**
 * Test support for WellJabber: a JUnit 5 extension that runs one throwaway Prosody per test class,
 * helpers to connect raw Smack clients to it, and a real H2 database behind a plugin's storage.
 */
module welljabber.testsupport {
    requires transitive welljabber.sandbox;
    requires transitive org.junit.jupiter.api;
    requires transitive welljabber.api;
    requires java.sql;

    exports welljabber.testsupport;
    exports welljabber.testsupport.storage;
    opens welljabber.testsupport to org.junit.platform.commons;
}
