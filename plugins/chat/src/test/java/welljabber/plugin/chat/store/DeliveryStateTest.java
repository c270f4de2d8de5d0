package welljabber.plugin.chat.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryStateTest {

    @Test
    void anOutgoingMessageMovesForwardOnly() {
        assertTrue(DeliveryState.QUEUED.mayBecome(DeliveryState.SENDING));
        assertTrue(DeliveryState.SENDING.mayBecome(DeliveryState.SENT));
        assertTrue(DeliveryState.SENT.mayBecome(DeliveryState.DELIVERED));
        assertTrue(DeliveryState.SENDING.mayBecome(DeliveryState.DELIVERED), "a receipt may overtake the server's acknowledgement");
        assertTrue(DeliveryState.SENDING.mayBecome(DeliveryState.QUEUED), "a send that found no connection goes back to the outbox");
        assertTrue(DeliveryState.SENT.mayBecome(DeliveryState.FAILED));
        assertFalse(DeliveryState.SENT.mayBecome(DeliveryState.QUEUED), "a message the server took is never sent again");
        assertFalse(DeliveryState.DELIVERED.mayBecome(DeliveryState.SENT));
        assertFalse(DeliveryState.DELIVERED.mayBecome(DeliveryState.FAILED));
        assertFalse(DeliveryState.FAILED.mayBecome(DeliveryState.DELIVERED));
        assertFalse(DeliveryState.RECEIVED.mayBecome(DeliveryState.SENT));
        assertFalse(DeliveryState.QUEUED.mayBecome(DeliveryState.RECEIVED));
    }
}
