package welljabber.plugin.roster.model;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import welljabber.api.account.AccountId;

/**
 * Turns the contacts and the user's view options into the rows of the list: groups in alphabetical
 * order (contacts in no group last), a contact once in each of its groups, offline contacts left
 * out unless asked for. A filter searches everyone, offline or not, so a typed name always finds
 * its contact; a contact with unread messages always shows.
 *
 * <p>Sorting is the expensive part, so it is done once per version of the contacts and order, and
 * reused while only the filter, the offline switch or a collapsed group changes: a keystroke then
 * costs one pass over the sorted contacts. Names are compared through cached collation keys, which
 * the user's language orders correctly and which compare as plain bytes.
 *
 * <p>Thread-safe: presence bursts lay out off the FX thread, keystrokes on it.
 */
public final class RosterLayout {
    private static final String SEPARATOR = "\n";
    /** Forget cached keys when there are this many times more than contacts (renamed or removed ones). */
    private static final int KEY_CACHE_SLACK = 4;

    private final Collator collator;
    private final Map<String, CollationKey> nameKeys = new ConcurrentHashMap<>();
    private SortedIndex lastIndex;

    public RosterLayout(Locale locale) {
        this.collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
    }

    /** The key of {@code group} (empty for none) of {@code account}, as {@link GroupRow#key()} has it. */
    public static String groupKey(AccountId account, String group) {
        return account.value() + SEPARATOR + group;
    }

    /**
     * Lays out {@code contacts} without reusing earlier work; for callers that have no version.
     *
     * @param accountLabel the text naming an account in group headers; return empty when only one
     *                     account is shown, so headers stay short
     */
    public List<RosterRow> layout(Collection<Contact> contacts, ViewOptions options, Function<AccountId, String> accountLabel) {
        return emit(index(contacts, options.sort(), accountLabel), options, accountLabel);
    }

    /**
     * Lays out {@code contacts}, which the caller promises are the same whenever {@code version} is:
     * the sorted index of the last call is reused when the version and the order are unchanged.
     */
    public List<RosterRow> layout(long version, Collection<Contact> contacts, ViewOptions options,
            Function<AccountId, String> accountLabel) {
        SortedIndex index;
        synchronized (this) {
            index = lastIndex;
        }
        if (index == null || index.version != version || index.sort != options.sort()) {
            index = index(contacts, options.sort(), accountLabel);
            index.version = version;
            synchronized (this) {
                lastIndex = index;
            }
        }
        return emit(index, options, accountLabel);
    }

    private SortedIndex index(Collection<Contact> contacts, SortOrder sort, Function<AccountId, String> accountLabel) {
        if (nameKeys.size() > KEY_CACHE_SLACK * Math.max(64, contacts.size())) {
            nameKeys.clear();
        }
        Map<String, Bucket> buckets = new HashMap<>();
        for (Contact contact : contacts) {
            if (contact.groups().isEmpty()) {
                bucket(buckets, contact.account(), "").members.add(contact);
            } else {
                for (String group : contact.groups()) {
                    bucket(buckets, contact.account(), group).members.add(contact);
                }
            }
        }
        List<Bucket> ordered = new ArrayList<>(buckets.values());
        ordered.sort(Comparator.comparing((Bucket bucket) -> accountLabel.apply(bucket.account))
                .thenComparing(bucket -> bucket.group.isEmpty())
                .thenComparing(bucket -> bucket.group, collator));
        // Each contact's sort key is worked out once here, not twice per comparison.
        Map<Contact, Sortable> keys = new IdentityHashMap<>(contacts.size() * 2);
        for (Bucket bucket : ordered) {
            List<Sortable> members = new ArrayList<>(bucket.members.size());
            for (Contact contact : bucket.members) {
                members.add(keys.computeIfAbsent(contact, this::sortable));
            }
            members.sort(sort == SortOrder.BY_NAME ? Sortable.BY_NAME : Sortable.BY_PRESENCE);
            bucket.members.clear();
            String key = groupKey(bucket.account, bucket.group);
            for (Sortable member : members) {
                bucket.members.add(member.contact);
                // The rows are made once per index, so keystrokes reuse them: less garbage, and the
                // list sees the same row objects and leaves their cells alone.
                bucket.rows.add(new ContactRow(member.contact, key));
            }
        }
        return new SortedIndex(sort, ordered);
    }

    private List<RosterRow> emit(SortedIndex index, ViewOptions options, Function<AccountId, String> accountLabel) {
        String filter = options.filter();
        boolean everyone = options.showOffline() || !filter.isEmpty();
        List<RosterRow> rows = new ArrayList<>();
        List<ContactRow> visible = new ArrayList<>();
        for (Bucket bucket : index.buckets) {
            visible.clear();
            int online = 0;
            int total = 0;
            for (int i = 0; i < bucket.members.size(); i++) {
                Contact contact = bucket.members.get(i);
                if (!contact.matches(filter)) {
                    continue;
                }
                total++;
                if (contact.online()) {
                    online++;
                }
                if (everyone || contact.online() || contact.unread() > 0) {
                    visible.add(bucket.rows.get(i));
                }
            }
            if (visible.isEmpty()) {
                continue;
            }
            String key = groupKey(bucket.account, bucket.group);
            boolean collapsed = options.collapsed().contains(key);
            rows.add(new GroupRow(key, bucket.group, accountLabel.apply(bucket.account), online, total, collapsed));
            if (!collapsed) {
                rows.addAll(visible);
            }
        }
        return rows;
    }

    private Sortable sortable(Contact contact) {
        return new Sortable(contact, SortOrder.rank(contact.kind()), nameKey(contact.displayName()), contact.jid().toString());
    }

    private CollationKey nameKey(String name) {
        return nameKeys.computeIfAbsent(name, collator::getCollationKey);
    }

    private static Bucket bucket(Map<String, Bucket> buckets, AccountId account, String group) {
        return buckets.computeIfAbsent(groupKey(account, group), key -> new Bucket(account, group));
    }

    private static final class Bucket {
        final AccountId account;
        final String group;
        final List<Contact> members = new ArrayList<>();
        /** One row per member, same order, made when the index is. */
        final List<ContactRow> rows = new ArrayList<>();

        Bucket(AccountId account, String group) {
            this.account = account;
            this.group = group;
        }
    }

    /** A contact with what it is sorted by. */
    private record Sortable(Contact contact, int rank, CollationKey name, String address) {
        static final Comparator<Sortable> BY_NAME = Comparator.comparing(Sortable::name).thenComparing(Sortable::address);
        static final Comparator<Sortable> BY_PRESENCE = Comparator.comparingInt(Sortable::rank).thenComparing(BY_NAME);
    }

    /** Every contact in its groups, each group sorted; what a keystroke filters without sorting again. */
    private static final class SortedIndex {
        final SortOrder sort;
        final List<Bucket> buckets;
        long version = -1;

        SortedIndex(SortOrder sort, List<Bucket> buckets) {
            this.sort = sort;
            this.buckets = buckets;
        }
    }
}
