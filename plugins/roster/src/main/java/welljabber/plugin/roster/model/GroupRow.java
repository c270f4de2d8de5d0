package welljabber.plugin.roster.model;

/**
 * A group header. {@code name} is empty for contacts in no group; {@code account} is the account's
 * address when several accounts are online, otherwise empty.
 */
public record GroupRow(String key, String name, String account, int online, int total, boolean collapsed)
        implements RosterRow {
}
