package welljabber.plugin.roster.model;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import welljabber.api.account.AccountId;

/**
 * Turns the contacts and the user's view options into the rows of the list: groups in alphabetical
 * order (contacts in no group last), a contact once in each of its groups, offline contacts left
 * out unless asked for. A filter searches everyone, offline or not, so a typed name always finds
 * its contact; a contact with unread messages always shows.
 *
 * <p>Pure and thread-safe: it runs off the FX thread for presence bursts and on it for keystrokes.
 */
public final class RosterLayout {
    private static final String SEPARATOR = "\n";

    private final Collator groupCollator;
    private final Map<SortOrder, Comparator<Contact>> comparators = new EnumMap<>(SortOrder.class);

    public RosterLayout(Locale locale) {
        this.groupCollator = Collator.getInstance(locale);
        groupCollator.setStrength(Collator.SECONDARY);
        for (SortOrder order : SortOrder.values()) {
            comparators.put(order, order.comparator(locale));
        }
    }

    /** The key of {@code group} (empty for none) of {@code account}, as {@link GroupRow#key()} has it. */
    public static String groupKey(AccountId account, String group) {
        return account.value() + SEPARATOR + group;
    }

    /**
     * @param accountLabel the text naming an account in group headers; return empty when only one
     *                     account is shown, so headers stay short
     */
    public List<RosterRow> layout(Collection<Contact> contacts, ViewOptions options,
            Function<AccountId, String> accountLabel) {
        Map<String, Bucket> buckets = new HashMap<>();
        String filter = options.filter();
        for (Contact contact : contacts) {
            if (!contact.matches(filter)) {
                continue;
            }
            if (contact.groups().isEmpty()) {
                bucket(buckets, contact.account(), "").add(contact);
            } else {
                for (String group : contact.groups()) {
                    bucket(buckets, contact.account(), group).add(contact);
                }
            }
        }
        List<Bucket> ordered = new ArrayList<>(buckets.values());
        ordered.sort(bucketOrder(accountLabel));

        Comparator<Contact> order = comparators.get(options.sort());
        boolean everyone = options.showOffline() || !filter.isEmpty();
        List<RosterRow> rows = new ArrayList<>(contacts.size() + ordered.size());
        for (Bucket bucket : ordered) {
            List<Contact> visible = new ArrayList<>(bucket.members.size());
            int online = 0;
            for (Contact contact : bucket.members) {
                if (contact.online()) {
                    online++;
                }
                if (everyone || contact.online() || contact.unread() > 0) {
                    visible.add(contact);
                }
            }
            if (visible.isEmpty()) {
                continue;
            }
            String key = groupKey(bucket.account, bucket.group);
            boolean collapsed = options.collapsed().contains(key);
            rows.add(new GroupRow(key, bucket.group, accountLabel.apply(bucket.account), online, bucket.members.size(),
                    collapsed));
            if (!collapsed) {
                visible.sort(order);
                for (Contact contact : visible) {
                    rows.add(new ContactRow(contact, key));
                }
            }
        }
        return rows;
    }

    private Comparator<Bucket> bucketOrder(Function<AccountId, String> accountLabel) {
        Comparator<Bucket> byAccount = Comparator.comparing(bucket -> accountLabel.apply(bucket.account));
        return byAccount.thenComparing(bucket -> bucket.group.isEmpty())
                .thenComparing(bucket -> bucket.group, groupCollator);
    }

    private static Bucket bucket(Map<String, Bucket> buckets, AccountId account, String group) {
        return buckets.computeIfAbsent(groupKey(account, group), key -> new Bucket(account, group));
    }

    private static final class Bucket {
        final AccountId account;
        final String group;
        final List<Contact> members = new ArrayList<>();

        Bucket(AccountId account, String group) {
            this.account = account;
            this.group = group;
        }

        void add(Contact contact) {
            members.add(contact);
        }
    }
}
