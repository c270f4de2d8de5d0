package welljabber.plugin.roster.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import welljabber.api.account.AccountId;

/**
 * Every account's contacts, written by the Smack threads and read by the layout. Each change bumps
 * {@link #version()} and calls the change hook, which only marks the view dirty: a burst of 5,000
 * presences costs 5,000 map updates and one or two layouts, not 5,000 redraws.
 */
public final class ContactBook {
    private final ConcurrentHashMap<ContactKey, Contact> contacts = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile Runnable onChange = () -> {
    };

    public void onChange(Runnable hook) {
        this.onChange = hook;
    }

    public long version() {
        return version.get();
    }

    public Optional<Contact> get(ContactKey key) {
        return Optional.ofNullable(contacts.get(key));
    }

    /** A copy of every contact; consistent per contact, cheap enough to take per layout. */
    public List<Contact> snapshot() {
        return new ArrayList<>(contacts.values());
    }

    public List<Contact> snapshot(AccountId account) {
        return contacts.values().stream().filter(contact -> contact.account().equals(account)).toList();
    }

    public int size() {
        return contacts.size();
    }

    /** Replaces an account's whole roster (after a roster load), keeping unread counts and block marks. */
    public void replaceAccount(AccountId account, Collection<Contact> fresh) {
        var keep = new java.util.HashSet<ContactKey>();
        for (Contact contact : fresh) {
            keep.add(contact.key());
            contacts.merge(contact.key(), contact, ContactBook::keepLocalFacts);
        }
        contacts.keySet().removeIf(key -> key.account().equals(account) && !keep.contains(key));
        changed();
    }

    /** Adds a contact, or updates its roster facts keeping unread counts, block marks and presence. */
    public void put(Contact contact) {
        contacts.merge(contact.key(), contact, (old, fresh) -> old.withRosterItem(fresh.name(), fresh.groups(),
                fresh.subscription()));
        changed();
    }

    /** Changes one contact if it is in the book; returns whether it was. */
    public boolean update(ContactKey key, UnaryOperator<Contact> change) {
        boolean present = contacts.computeIfPresent(key, (k, old) -> change.apply(old)) != null;
        if (present) {
            changed();
        }
        return present;
    }

    public void remove(ContactKey key) {
        if (contacts.remove(key) != null) {
            changed();
        }
    }

    public void removeAccount(AccountId account) {
        if (contacts.keySet().removeIf(key -> key.account().equals(account))) {
            changed();
        }
    }

    private static Contact keepLocalFacts(Contact old, Contact fresh) {
        return old.withRosterItem(fresh.name(), fresh.groups(), fresh.subscription());
    }

    private void changed() {
        version.incrementAndGet();
        onChange.run();
    }
}
