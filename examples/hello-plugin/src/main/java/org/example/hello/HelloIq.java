package org.example.hello;

import org.jivesoftware.smack.packet.IQ;

/**
 * The stanza this plugin answers, both ways:
 *
 * <pre>{@code
 * request: <iq type='get'>   <hello xmlns='urn:example:hello'/></iq>
 * answer:  <iq type='result'><hello xmlns='urn:example:hello'><greeting>Hello from WellJabber</greeting></hello></iq>
 * }</pre>
 *
 * Use a namespace you own (a URN or a URL of your domain) so you never collide with a XEP.
 */
public final class HelloIq extends IQ {
    public static final String ELEMENT = "hello";
    public static final String NAMESPACE = "urn:example:hello";

    /** The greeting of an answer; null in a request. */
    private final String greeting;

    public HelloIq(String greeting) {
        super(ELEMENT, NAMESPACE);
        this.greeting = greeting;
    }

    public String greeting() {
        return greeting;
    }

    /** Smack writes {@code <hello xmlns='urn:example:hello'} itself; we add the content (or close it empty). */
    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (greeting == null) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            xml.element("greeting", greeting); // escapes the text for us
        }
        return xml;
    }
}
