package welljabber.plugin.chat.protocol;

import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.carbons.CarbonCopyReceivedListener;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jxmpp.jid.Jid;

/**
 * Copies of messages our other clients sent or received (XEP-0280), so the conversation here is the
 * whole conversation. Smack's CarbonManager only hands us carbons whose wrapper comes from our own
 * bare address (it filters with {@code FromMatchesFilter.createBare(ownJid)}), so a contact cannot
 * forge a message "from us" this way. No receipt: the client that got the message sends it.
 */
final class Carbons implements CarbonCopyReceivedListener {
    private final Inbound inbound;

    Carbons(Inbound inbound) {
        this.inbound = inbound;
    }

    @Override
    public void onCarbonCopyReceived(CarbonExtension.Direction direction, Message copy, Message wrapper) {
        if (copy.getType() != Message.Type.chat && copy.getType() != Message.Type.normal) {
            return; // group chat and errors are not one-to-one conversation messages
        }
        boolean outgoing = direction == CarbonExtension.Direction.sent;
        Jid contact = outgoing ? copy.getTo() : copy.getFrom();
        if (contact == null || contact.asEntityBareJidIfPossible() == null) {
            return;
        }
        inbound.takeCopy(copy, contact.asBareJid(), outgoing, Optional.ofNullable(contact.getResourceOrNull()).map(Object::toString));
    }
}
