package org.example.hello;

import java.io.IOException;

import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Turns {@code <hello xmlns='urn:example:hello'>} into a {@link HelloIq}. Registered with Smack's
 * ProviderManager, so every connection in the process parses the element with it.
 */
final class HelloIqProvider extends IqProvider<HelloIq> {

    /** The parser starts on {@code <hello>}; we read until its end tag, keeping {@code <greeting>}'s text. */
    @Override
    public HelloIq parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        String greeting = null;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT && "greeting".equals(parser.getName())) {
                greeting = parser.nextText();
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                return new HelloIq(greeting);
            }
        }
    }
}
