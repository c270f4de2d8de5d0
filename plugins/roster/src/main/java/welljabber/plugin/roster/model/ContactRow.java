package welljabber.plugin.roster.model;

/** A contact shown under the group {@code groupKey}; a contact in two groups has two rows. */
public record ContactRow(Contact contact, String groupKey) implements RosterRow {
}
