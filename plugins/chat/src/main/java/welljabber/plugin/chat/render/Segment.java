package welljabber.plugin.chat.render;

import java.net.URI;
import java.util.Objects;

/** A piece of a message as shown: plain text, or a link the user may open. */
public sealed interface Segment {

    String text();

    /** Shown exactly as it is: never interpreted as markup. */
    record Plain(String text) implements Segment {
        public Plain {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An http, https or xmpp address; {@code text} is what the message said, {@code target} what opens. */
    record Link(String text, URI target) implements Segment {
        public Link {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(target, "target");
        }
    }
}
