package org.example.hello;

import java.util.function.Consumer;

import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * Answers {@code <iq type='get'><hello xmlns='urn:example:hello'/></iq>}. One instance is registered
 * on each account's connection; Smack calls it on its own threads, never on the JavaFX thread.
 */
final class HelloRequestHandler extends AbstractIqRequestHandler {
    /** Protocol data, not interface text: it stays the same whatever language the user chose. */
    static final String GREETING = "Hello from WellJabber";

    private final Consumer<Jid> greeted;

    /** {@code greeted} is told who asked, after each answer (on a Smack thread). */
    HelloRequestHandler(Consumer<Jid> greeted) {
        // async: Smack runs us on its executor, so a slow handler could not hold up other stanzas.
        super(HelloIq.ELEMENT, HelloIq.NAMESPACE, IQ.Type.get, Mode.async);
        this.greeted = greeted;
    }

    @Override
    public IQ handleIQRequest(IQ request) {
        HelloIq answer = new HelloIq(GREETING);
        answer.setType(IQ.Type.result);
        // Smack addresses the answer for us (to = the request's sender, same stanza id).
        greeted.accept(request.getFrom());
        return answer;
    }
}
