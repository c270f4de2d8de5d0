package welljabber.plugin.chat.render;

import java.util.List;

/**
 * A message body ready to draw.
 *
 * @param action   a {@code /me} action (XEP-0245), drawn in the action style
 * @param segments the text, {@code * Name does something} for an action, split around links
 */
public record RenderedBody(boolean action, List<Segment> segments) {
    public RenderedBody {
        segments = List.copyOf(segments);
    }

    /** The whole text, as a screen reader or a copy would have it. */
    public String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }
}
