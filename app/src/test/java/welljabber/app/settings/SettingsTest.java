package welljabber.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path folder;

    /** A change still waiting for the writer would land in the folder as JUnit deletes it. */
    @AfterEach
    void writeWhatWaits() {
        FilePreferences.flushAll();
    }

    private Path file() {
        return folder.resolve("config").resolve("settings.properties");
    }

    @Test
    void defaultsWhenNoFileExists() {
        Settings settings = new Settings(file());
        assertEquals("system", settings.language());
        assertFalse(settings.stanzaLog());
        assertTrue(settings.useKeyring());
        assertEquals(WindowGeometry.DEFAULT, settings.windowGeometry());
        assertEquals(0.25, settings.sidePaneWidth());
        assertFalse(Files.exists(file()), "reading must not create the file");
    }

    @Test
    void valuesPersistAcrossInstances() {
        Settings first = new Settings(file());
        first.setLanguage("zh_CN");
        first.setStanzaLog(true);
        first.setWindowGeometry(new WindowGeometry(100, 50, 1200, 900, true));
        first.setSidePaneWidth(0.4);
        FilePreferences.flushAll();

        Settings second = new Settings(new FilePreferences(file())); // read anew, as the next start does
        assertEquals("zh_CN", second.language());
        assertEquals(Locale.SIMPLIFIED_CHINESE, second.locale());
        assertTrue(second.stanzaLog());
        assertEquals(new WindowGeometry(100, 50, 1200, 900, true), second.windowGeometry());
        assertEquals(0.4, second.sidePaneWidth());
    }

    @Test
    void englishSettingGivesEnglish() {
        Settings settings = new Settings(file());
        settings.setLanguage("en");
        assertEquals(Locale.ENGLISH, new Settings(file()).locale());
    }

    @Test
    void corruptValuesFallBackToDefaults() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                window.sidePaneDivider=not-a-number
                window.geometry=12,banana,800,600,false
                debug.stanzaLog=perhaps
                passwords.useKeyring=false
                """);
        Settings settings = new Settings(file());
        assertEquals(0.25, settings.sidePaneWidth());
        assertEquals(WindowGeometry.DEFAULT, settings.windowGeometry());
        assertFalse(settings.stanzaLog());
        assertFalse(settings.useKeyring());
    }

    @Test
    void filePreferencesPersistPutAndRemove() {
        FilePreferences first = new FilePreferences(folder.resolve("plugins/demo.properties"));
        first.put("colour", "blue");
        first.put("count", "7");
        first.put("odd key = : #", "värde\nmed radbrytning");
        first.remove("colour");
        first.flush();

        FilePreferences second = new FilePreferences(folder.resolve("plugins/demo.properties"));
        assertEquals(Optional.empty(), second.get("colour"));
        assertEquals(7, second.getInt("count", -1));
        assertEquals("värde\nmed radbrytning", second.get("odd key = : #", ""));
        assertEquals("fallback", second.get("missing", "fallback"));
    }

    @Test
    void aChangeIsWrittenByTheWriterNotTheCallerAndChangesBeforeTheWriteGoTogether() {
        Path file = folder.resolve("plugins/chat.properties");
        List<Runnable> writes = new ArrayList<>();
        FilePreferences preferences = new FilePreferences(file, writes::add);
        preferences.put("notify", "false");
        preferences.put("typing", "false");
        assertFalse(Files.exists(file), "written on the thread that changed it");
        assertEquals(Optional.of("false"), preferences.get("typing"), "the change holds before it is written");
        assertEquals(1, writes.size(), "two changes before the write asked for two writes");

        writes.get(0).run();
        FilePreferences read = new FilePreferences(file);
        assertEquals(Optional.of("false"), read.get("notify"));
        assertEquals(Optional.of("false"), read.get("typing"));

        preferences.put("notify", "true");
        assertEquals(2, writes.size(), "a change after the write asks for another");
        preferences.flush(); // as at exit: now, on this thread
        assertEquals(Optional.of("true"), new FilePreferences(file).get("notify"));
    }

    @Test
    void everyoneInTheProcessSharesOneFilesPreferences() {
        FilePreferences plugin = FilePreferences.of(folder.resolve("plugins/chat.properties"));
        plugin.put("notify", "false");
        assertEquals(Optional.of("false"), FilePreferences.of(folder.resolve("plugins/../plugins/chat.properties")).get("notify"),
                "a second reader saw the file from before a change not yet written");
    }

    @Test
    void corruptNumberInPreferencesGivesTheFallback() throws IOException {
        Path file = folder.resolve("prefs.properties");
        Files.writeString(file, "count=seven\nspaced= 12 \n");
        FilePreferences preferences = new FilePreferences(file);
        assertEquals(3, preferences.getInt("count", 3));
        assertEquals(12, preferences.getInt("spaced", 3));
        assertEquals(3, preferences.getInt("absent", 3));
    }

    @Test
    void savingLeavesNoTemporaryFilesBehind() throws IOException {
        FilePreferences preferences = new FilePreferences(file());
        for (int i = 0; i < 5; i++) {
            preferences.put("k" + i, "v" + i);
        }
        preferences.flush();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertEquals(List.of(file()), files.toList());
        }
    }

    @Test
    void removingAnAbsentKeyDoesNotCreateTheFile() {
        FilePreferences preferences = new FilePreferences(file());
        preferences.remove("nothing");
        preferences.flush();
        assertFalse(Files.exists(file()));
    }

    @org.junit.jupiter.api.Test
    void aDamagedSettingsFileGivesDefaultsAndKeepsACopy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Path file = folder.resolve("settings.properties");
        java.nio.file.Files.writeString(file, "language=zh_CN\nbroken=\\uZZZZ\n");
        Settings settings = new Settings(file);
        org.junit.jupiter.api.Assertions.assertEquals("system", settings.language());
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(folder.resolve("settings.properties.corrupt")));
        settings.setLanguage("en");
        FilePreferences.flushAll();
        org.junit.jupiter.api.Assertions.assertEquals(Optional.of("en"), new FilePreferences(file).get("language"));
    }
}
