package welljabber.plugin.roster.model;

import java.util.Objects;

/**
 * A contact's whole subscription state: the roster's {@code subscription}, whether my request to
 * see them waits for an answer ({@code ask='subscribe'}), whether their request to see me waits for
 * mine, and whether I pre-approved them (RFC 6121 §3.4).
 */
public record SubscriptionState(Subscription subscription, boolean pendingOut, boolean pendingIn, boolean preApproved) {
    public static final SubscriptionState BOTH = new SubscriptionState(Subscription.BOTH, false, false, false);

    public SubscriptionState {
        Objects.requireNonNull(subscription, "subscription");
    }

    public SubscriptionState withPendingIn(boolean pending) {
        return new SubscriptionState(subscription, pendingOut, pending, preApproved);
    }

    /** The key of the short label the contact list shows; empty for the everyday case, both. */
    public String labelKey() {
        if (pendingIn) {
            return "subscription.pendingIn";
        }
        if (pendingOut) {
            return "subscription.pendingOut";
        }
        return switch (subscription) {
            case BOTH -> "";
            case TO -> "subscription.to";
            case FROM -> "subscription.from";
            case NONE -> "subscription.none";
        };
    }
}
