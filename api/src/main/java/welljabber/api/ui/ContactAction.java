package welljabber.api.ui;

import java.util.Objects;
import java.util.function.BiConsumer;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;

/**
 * An item a plugin adds to the contact list's context menu, such as "Send file…" or "Invite to
 * room…". The text is already localized; lower {@code order} comes first; {@code onAction} runs on
 * the FX thread with the account and the contact the user right-clicked.
 */
public record ContactAction(String id, String text, int order, BiConsumer<AccountId, BareJid> onAction) {
    public ContactAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(onAction, "onAction");
    }
}
