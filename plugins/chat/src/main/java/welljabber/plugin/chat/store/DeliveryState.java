package welljabber.plugin.chat.store;

/**
 * Where a message stands. Outgoing ones move QUEUED → SENDING → SENT → DELIVERED, or end FAILED;
 * incoming ones are RECEIVED. Stored by name, so the names never change.
 */
public enum DeliveryState {
    /** In the outbox, not handed to a connection yet (typed while disconnected, or the send failed locally). */
    QUEUED,
    /** Handed to the connection; the server has not confirmed it yet. */
    SENDING,
    /** The server took it (stream management acknowledged it, or the stream has no acknowledgements). */
    SENT,
    /** The contact's client confirmed it with a receipt (XEP-0184). */
    DELIVERED,
    /** An error came back; the message's error column says why in a plain sentence. */
    FAILED,
    /** A message the contact sent us. */
    RECEIVED;

    /** Whether a later state may replace this one: nothing moves a message back, nor out of FAILED or DELIVERED. */
    public boolean mayBecome(DeliveryState next) {
        return switch (this) {
            case QUEUED -> next != QUEUED && next != RECEIVED;
            case SENDING -> next == SENT || next == DELIVERED || next == FAILED || next == QUEUED;
            case SENT -> next == DELIVERED || next == FAILED;
            case DELIVERED, FAILED, RECEIVED -> false;
        };
    }
}
