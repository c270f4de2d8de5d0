package welljabber.plugin.roster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.api.presence.PresenceKind;

class RosterLayoutTest {
    private static final AccountId ME = new AccountId("me");
    private static final AccountId WORK = new AccountId("work");
    private final RosterLayout layout = new RosterLayout(Locale.ENGLISH);

    static Contact contact(AccountId account, String jid, String name, PresenceKind kind, String... groups) {
        Contact offline = Contact.offline(new ContactKey(account, JidCreate.bareFromOrThrowUnchecked(jid)), name, List.of(groups),
                SubscriptionState.BOTH);
        return offline.withPresence(kind, "", List.of());
    }

    private static List<String> lines(List<RosterRow> rows) {
        List<String> lines = new ArrayList<>();
        for (RosterRow row : rows) {
            switch (row) {
                case GroupRow group -> lines.add("# " + (group.name().isEmpty() ? "-" : group.name()) + " " + group.online() + "/"
                        + group.total() + (group.collapsed() ? " +" : "") + (group.account().isEmpty() ? "" : " @" + group.account()));
                case ContactRow contact -> lines.add(contact.contact().displayName());
            }
        }
        return lines;
    }

    private final List<Contact> people = List.of(
            contact(ME, "alice@example.org", "Alice", PresenceKind.AWAY, "Friends"),
            contact(ME, "bob@example.org", "bob", PresenceKind.CHAT, "Friends", "Work"),
            contact(ME, "carol@example.org", "Carol", PresenceKind.OFFLINE, "Work"),
            contact(ME, "dave@example.org", "", PresenceKind.AVAILABLE),
            contact(ME, "zed@example.org", "Zed", PresenceKind.OFFLINE));

    @Test
    void groupsInAlphabeticalOrderUngroupedLastAContactInTwoGroupsShowsInBoth() {
        List<String> lines = lines(layout.layout(people, ViewOptions.DEFAULT.withSort(SortOrder.BY_NAME), account -> ""));
        assertEquals(List.of("# Friends 2/2", "Alice", "bob", "# Work 1/2", "bob", "Carol", "# - 1/2", "dave@example.org", "Zed"),
                lines);
    }

    @Test
    void sortingByPresencePutsTheMostReachableFirst() {
        List<String> lines = lines(layout.layout(people, ViewOptions.DEFAULT, account -> ""));
        assertEquals(List.of("# Friends 2/2", "bob", "Alice", "# Work 1/2", "bob", "Carol", "# - 1/2", "dave@example.org", "Zed"),
                lines);
    }

    @Test
    void hidingOfflineContactsDropsThemAndGroupsLeftEmptyButKeepsTheCounts() {
        List<Contact> all = new ArrayList<>(people);
        all.add(contact(ME, "eve@example.org", "Eve", PresenceKind.OFFLINE, "Old"));
        List<String> lines = lines(layout.layout(all, ViewOptions.DEFAULT.withShowOffline(false), account -> ""));
        assertEquals(List.of("# Friends 2/2", "bob", "Alice", "# Work 1/2", "bob", "# - 1/2", "dave@example.org"), lines);
    }

    @Test
    void anOfflineContactWithUnreadMessagesStillShows() {
        List<Contact> all = new ArrayList<>(people);
        all.set(2, all.get(2).withUnread(3));
        List<String> lines = lines(layout.layout(all, ViewOptions.DEFAULT.withShowOffline(false), account -> ""));
        assertTrue(lines.contains("Carol"), lines.toString());
    }

    @Test
    void theFilterMatchesNameAndAddressIgnoringCaseFindsOfflineContactsTooAndCountsTheMatches() {
        ViewOptions hideOffline = ViewOptions.DEFAULT.withShowOffline(false);
        assertEquals(List.of("# Work 0/1", "Carol"), lines(layout.layout(people, hideOffline.withFilter("CAR"), account -> "")));
        assertEquals(List.of("# - 1/1", "dave@example.org"), lines(layout.layout(people, hideOffline.withFilter("dave@"), account -> "")));
        assertEquals(List.of(), lines(layout.layout(people, hideOffline.withFilter("nobody"), account -> "")));
    }

    @Test
    void aCollapsedGroupShowsOnlyItsHeader() {
        ViewOptions options = ViewOptions.DEFAULT.toggled(RosterLayout.groupKey(ME, "Friends"));
        List<String> lines = lines(layout.layout(people, options, account -> ""));
        assertEquals("# Friends 2/2 +", lines.get(0));
        assertEquals("# Work 1/2", lines.get(1));
        assertEquals(Set.of(), options.toggled(RosterLayout.groupKey(ME, "Friends")).collapsed());
    }

    @Test
    void twoAccountsKeepTheirGroupsApartAndNamed() {
        List<Contact> all = List.of(contact(ME, "alice@example.org", "Alice", PresenceKind.AVAILABLE, "Friends"),
                contact(WORK, "alice@example.org", "Alice (work)", PresenceKind.OFFLINE, "Friends"));
        List<String> lines = lines(layout.layout(all, ViewOptions.DEFAULT, account -> account.value() + "@example.org"));
        assertEquals(List.of("# Friends 1/1 @me@example.org", "Alice", "# Friends 0/1 @work@example.org", "Alice (work)"), lines);
    }

    @Test
    void fiveThousandContactsInTwentyGroupsAllGetARow() {
        List<Contact> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(contact(ME, "c" + i + "@example.org", "Contact " + i, i % 3 == 0 ? PresenceKind.AVAILABLE : PresenceKind.OFFLINE,
                    "Group " + (i % 20)));
        }
        List<RosterRow> rows = layout.layout(many, ViewOptions.DEFAULT, account -> "");
        assertEquals(5020, rows.size());
        assertEquals(20, rows.stream().filter(GroupRow.class::isInstance).count());
    }

    @Test
    void theSortedIndexIsReusedForTheSameVersionAndRebuiltForANewOneOrAnotherOrder() {
        List<String> first = lines(layout.layout(7, people, ViewOptions.DEFAULT, account -> ""));
        List<Contact> renamed = people.stream().map(contact -> contact.withRosterItem("X " + contact.displayName(),
                contact.groups(), contact.subscription())).toList();
        // Same version: the caller promised the same contacts, so the earlier sort still counts.
        assertEquals(first, lines(layout.layout(7, renamed, ViewOptions.DEFAULT, account -> "")));
        assertEquals(List.of("# Work 0/1", "Carol"), lines(layout.layout(7, renamed, ViewOptions.DEFAULT.withFilter("car"), account -> "")));
        List<String> next = lines(layout.layout(8, renamed, ViewOptions.DEFAULT, account -> ""));
        assertTrue(next.contains("X Alice"), next.toString());
        List<String> byName = lines(layout.layout(8, renamed, ViewOptions.DEFAULT.withSort(SortOrder.BY_NAME), account -> ""));
        assertEquals(List.of("X Alice", "X bob"), byName.subList(1, 3));
    }

    @Test
    void namesSortTheWayTheLanguageDoesNotByCodePoint() {
        List<Contact> names = List.of(contact(ME, "a@x.org", "Émile", PresenceKind.OFFLINE),
                contact(ME, "b@x.org", "zoe", PresenceKind.OFFLINE), contact(ME, "c@x.org", "Eva", PresenceKind.OFFLINE));
        assertEquals(List.of("# - 0/3", "Émile", "Eva", "zoe"),
                lines(new RosterLayout(Locale.FRENCH).layout(names, ViewOptions.DEFAULT.withSort(SortOrder.BY_NAME), account -> "")));
    }
}
