package welljabber.plugin.chat.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class BodyRendererTest {

    private static List<String> links(RenderedBody body) {
        return body.segments().stream().filter(Segment.Link.class::isInstance).map(Segment::text).toList();
    }

    @Test
    void meIsAnActionWithTheSendersName() {
        RenderedBody action = BodyRenderer.render("/me smiles at everyone", "Huwell");
        assertTrue(action.action());
        assertEquals("* Huwell smiles at everyone", action.text());

        RenderedBody chinese = BodyRenderer.render("/me 笑眯眯的望着大家", "Huwell");
        assertEquals("* Huwell 笑眯眯的望着大家", chinese.text());
    }

    @Test
    void onlyExactlySlashMeSpaceAtTheStartIsAnAction() {
        assertFalse(BodyRenderer.render("/meow", "a").action());
        assertFalse(BodyRenderer.render("/me", "a").action());
        assertFalse(BodyRenderer.render(" /me waves", "a").action());
        assertFalse(BodyRenderer.render("I said /me waves", "a").action());
        assertEquals("/meow", BodyRenderer.render("/meow", "a").text());
    }

    @Test
    void httpHttpsAndXmppBecomeLinksWithoutTheirSentencePunctuation() {
        RenderedBody body = BodyRenderer.render("See https://example.org/a?b=1, or http://x.test/(wiki). And xmpp:alice@localhost?message!", "a");
        assertEquals(List.of("https://example.org/a?b=1", "http://x.test/(wiki)", "xmpp:alice@localhost?message"), links(body));
        assertEquals("See https://example.org/a?b=1, or http://x.test/(wiki). And xmpp:alice@localhost?message!", body.text(),
                "the text around the links is kept exactly");
        Segment.Link first = (Segment.Link) body.segments().get(1);
        assertEquals(URI.create("https://example.org/a?b=1"), first.target());
    }

    @Test
    void otherSchemesAndBrokenAddressesStayText() {
        for (String text : List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "data:text/html,<b>x</b>",
                "https://", "http:// spaced.org", "xmpp:")) {
            RenderedBody body = BodyRenderer.render(text, "a");
            assertTrue(links(body).isEmpty(), text + " became a link");
            assertEquals(text, body.text());
        }
    }

    @Test
    void markupIsText() {
        String html = "<b>bold</b> <a href=\"javascript:x\">click</a> &amp;";
        RenderedBody body = BodyRenderer.render(html, "a");
        assertEquals(html, body.text());
        assertTrue(links(body).isEmpty());
    }

    @Test
    void controlAndDirectionOverrideCharactersAreRemovedButLinesStay() {
        RenderedBody body = BodyRenderer.render("line one\r\nline\ttwo\u0007 \u202Egnp.exe\u202C https://ok.test", "a");
        assertEquals("line one\nline\ttwo gnp.exe https://ok.test", body.text());
        assertEquals(List.of("https://ok.test"), links(body));
    }

    @Test
    void emojiAndLongTextComeThroughWhole() {
        String text = "👋🏽 ".repeat(20_000) + "end";
        assertEquals(text, BodyRenderer.render(text, "a").text());
    }
}
