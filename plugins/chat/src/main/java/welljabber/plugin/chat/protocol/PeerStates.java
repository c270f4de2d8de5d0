package welljabber.plugin.chat.protocol;

import org.jivesoftware.smackx.chatstates.ChatState;

import welljabber.plugin.chat.store.ConversationKey;

/** Told when a contact starts or stops typing (XEP-0085); any thread. */
@FunctionalInterface
public interface PeerStates {
    void changed(ConversationKey key, ChatState state);
}
