package welljabber.api.storage;

import java.util.Objects;

/**
 * One versioned schema change. Versions start at 1 and grow by one; each runs once, in order, in its
 * own transaction, and the version reached is recorded, so a plugin lists all its migrations forever
 * and only the new ones run.
 */
public record Migration(int version, String description, String sql) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("Migration versions start at 1, got " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }
}
