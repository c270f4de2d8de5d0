package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerWatchdogTest {

    @Test
    void theStartTimeIsField22CountedAfterTheCommandName() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 987654 1000 200 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0";
        assertEquals(Optional.of("987654"), OwnerWatchdog.startTime(stat));
    }

    @Test
    void aTruncatedLineGivesNothing() {
        assertEquals(Optional.empty(), OwnerWatchdog.startTime("4242 (java) S 1 2 3"));
        assertEquals(Optional.empty(), OwnerWatchdog.startTime("garbage"));
    }

    @Test
    void thisProcessCanBeDescribedOnLinux() {
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self"))) {
            OwnerWatchdog.Owner owner = OwnerWatchdog.describe(ProcessHandle.current().pid()).orElseThrow();
            assertTrue(owner.startTime().matches("\\d+"), owner.startTime());
        }
    }
}
