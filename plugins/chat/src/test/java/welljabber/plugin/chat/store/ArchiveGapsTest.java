package welljabber.plugin.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.testsupport.storage.H2TestStorage;

class ArchiveGapsTest {
    private static final AccountId ME = new AccountId("me");
    private static final AccountId WORK = new AccountId("work");
    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final ArchiveGaps gaps = store.archiveGaps();

    ArchiveGapsTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    @Test
    void gapsAreKeptPerAccountNewestFirstAndNarrowUntilClosed() {
        gaps.open(ME, "archive-100", 5_000);
        gaps.open(WORK, "archive-7", 900);
        gaps.open(ME, "archive-900", 9_000);
        List<ArchiveGaps.Gap> mine = gaps.of(ME);
        assertEquals(List.of("archive-900", "archive-100"), mine.stream().map(ArchiveGaps.Gap::beforeId).toList());

        gaps.narrowed(mine.getFirst().id(), "archive-850", 8_950);
        assertEquals(new ArchiveGaps.Gap(mine.getFirst().id(), ME, "archive-850", 8_950), gaps.of(ME).getFirst());

        gaps.closed(mine.getFirst().id());
        gaps.closed(mine.getLast().id());
        assertEquals(List.of(), gaps.of(ME));
        assertEquals(List.of("archive-7"), gaps.of(WORK).stream().map(ArchiveGaps.Gap::beforeId).toList(), "another account's stays");
    }
}
