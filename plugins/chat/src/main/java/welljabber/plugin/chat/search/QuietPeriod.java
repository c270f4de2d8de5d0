package welljabber.plugin.chat.search;

/**
 * When indexing may start: once history has been quiet for a moment, or, in a burst that goes on,
 * once the oldest unindexed news has waited long enough. Indexing during a burst competed with
 * storing the burst for the CPU and the database file (on two cores it took about as much CPU as
 * storing); a search then finds the burst's messages a few seconds later, not at once.
 */
record QuietPeriod(long quietNanos, long maxDelayNanos) {
    /** Half a second without news, or at most five seconds after the first news. */
    static final QuietPeriod DEFAULT = new QuietPeriod(500_000_000L, 5_000_000_000L);

    /** How long to wait from {@code now} (0: start now), given the first and the last news since the last run. */
    long waitNanos(long now, long firstNews, long lastNews) {
        long untilQuiet = lastNews + quietNanos - now;
        long untilTooLate = firstNews + maxDelayNanos - now;
        return Math.max(0, Math.min(untilQuiet, untilTooLate));
    }
}
