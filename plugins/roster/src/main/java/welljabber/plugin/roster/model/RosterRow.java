package welljabber.plugin.roster.model;

/** One line of the contact list: a group header or a contact under it. */
public sealed interface RosterRow permits GroupRow, ContactRow {
}
