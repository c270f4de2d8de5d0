package welljabber.plugin.chat.protocol;

import welljabber.plugin.chat.store.StoredMessage;

/** Told about history as it changes; called on whichever thread changed it (never the FX thread's job to wait). */
public interface HistoryListener {

    /** A message was stored: one of ours entering the outbox, or a contact's that had not been stored before. */
    void added(StoredMessage message);

    /**
     * A stored message changed: its state (sent, delivered, failed, back in the outbox), its text (a
     * correction), or its time (catching up kept the archive's order, {@code ArchiveOrder}).
     */
    void changed(StoredMessage message);
}
