package welljabber.plugin.roster.store;

import java.util.List;

import welljabber.api.storage.Migration;

/** The plugin's tables: the last roster each account received, and its version (XEP-0237). */
public final class RosterTables {
    private RosterTables() {
    }

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "roster store for roster versioning", """
                    CREATE TABLE ROSTER_VERSION (
                        ACCOUNT VARCHAR(200) PRIMARY KEY,
                        VERSION VARCHAR(1024) NOT NULL
                    );
                    CREATE TABLE ROSTER_ITEM (
                        ACCOUNT VARCHAR(200) NOT NULL,
                        JID VARCHAR(3071) NOT NULL,
                        NAME VARCHAR(1024),
                        SUBSCRIPTION VARCHAR(8) NOT NULL,
                        ASK BOOLEAN NOT NULL,
                        APPROVED BOOLEAN NOT NULL,
                        GROUPS VARCHAR(1024) ARRAY NOT NULL,
                        PRIMARY KEY (ACCOUNT, JID)
                    );
                    """));
}
