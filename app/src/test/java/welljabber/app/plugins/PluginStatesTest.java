package welljabber.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import welljabber.app.storage.Database;

/** The remembered enabled/disabled choices, in a real profile database. */
class PluginStatesTest {
    @TempDir
    Path folder;
    private Database database;
    private PluginStates states;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("welljabber"));
        states = new PluginStates(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aPluginNeverChosenIsEnabled() {
        assertEquals(Set.of(), states.disabled());
    }

    @Test
    void disablingAndEnablingAgainIsRemembered() {
        states.setEnabled("hello", false);
        states.setEnabled("serverinfo", false);
        assertEquals(Set.of("hello", "serverinfo"), states.disabled());

        states.setEnabled("hello", true);
        assertEquals(Set.of("serverinfo"), states.disabled());

        states.setEnabled("serverinfo", false);
        assertEquals(Set.of("serverinfo"), states.disabled(), "disabling twice keeps one row");
    }

    @Test
    void forgettingARemovedPluginLetsOneInstalledUnderItsIdStartEnabled() {
        states.setEnabled("hello", false);
        states.forget("hello");
        states.forget("never-seen");
        assertEquals(Set.of(), states.disabled());
    }

    @Test
    void theChoiceSurvivesClosingTheDatabase() {
        states.setEnabled("hello", false);
        states.setEnabled("other", true);
        database.close();
        database = Database.open(folder.resolve("welljabber"));
        assertEquals(Set.of("hello"), new PluginStates(database).disabled());
    }
}
