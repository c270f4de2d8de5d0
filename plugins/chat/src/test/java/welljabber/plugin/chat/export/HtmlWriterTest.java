// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.plugin.chat.export.ExportSamples.corrected;
import static welljabber.plugin.chat.export.ExportSamples.english;
import static welljabber.plugin.chat.export.ExportSamples.export;
import static welljabber.plugin.chat.export.ExportSamples.incoming;
import static welljabber.plugin.chat.export.ExportSamples.outgoing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import welljabber.plugin.chat.store.DeliveryState;

class HtmlWriterTest {
    private static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"]*)\" rel=\"noopener noreferrer\">([^<]*)</a>");

    /** Every anchor's address, in order. */
    private static List<String> links(String html) {
        Matcher matcher = ANCHOR.matcher(html);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The part of the page that holds the messages. */
    private static String body(String html) {
        return html.substring(html.indexOf("<ol>"), html.lastIndexOf("</ol>"));
    }

    @Test
    void aStandaloneUtf8PageWithTheStyleInlineAndNoScripts() throws IOException {
        String html = export(ExportFormat.HTML, english(), incoming("hello"));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<style>"));
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""), "scripts and fetches are refused");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(html.contains("<link"), "nothing is loaded from elsewhere");
        assertTrue(html.contains("<title>Conversation between me@example.org and alice@example.org</title>"));
        assertTrue(html.contains("<p>Exported on 2026-11-28 12:00:00. Times are local time (Asia/Shanghai).</p>"));
        assertTrue(html.endsWith("</ol>\n</body>\n</html>\n"));
    }

    @Test
    void eachMessageHasItsLocalTimeSenderAndText() throws IOException {
        String html = export(ExportFormat.HTML, english(), incoming("hello"), outgoing("hi", DeliveryState.SENT, Optional.empty()));
        assertEquals("""
                <ol>
                <li class="incoming"><div class="meta"><time datetime="2026-11-28T11:04:05+08:00">2026-11-28 11:04:05</time> \
                <span class="sender">alice</span></div><div class="text">hello</div></li>
                <li class="outgoing"><div class="meta"><time datetime="2026-11-28T11:04:05+08:00">2026-11-28 11:04:05</time> \
                <span class="sender">me</span></div><div class="text">hi</div></li>
                """, body(html));
    }

    @Test
    void whateverAContactWritesIsShownAndNeverRunOrParsed() throws IOException {
        String hostile = "<script>alert('x')</script> </style><script src=//evil.example></script> "
                + "<img src=x onerror=\"alert(1)\"> & &amp; \"quoted\" 'single' <!-- -->";
        String html = export(ExportFormat.HTML, english(), incoming(hostile), incoming("/me </div><b>bold</b>"));
        String messages = body(html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertEquals(1, count(html, "</style>"), "only the page's own style element closes");
        assertFalse(messages.contains("<img"));
        assertFalse(messages.contains("<!--"));
        assertFalse(messages.contains("<b>"));
        assertTrue(messages.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;/style&gt;&lt;script src=//evil.example&gt;"
                + "&lt;/script&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &amp;amp; &quot;quoted&quot; &#39;single&#39; "
                + "&lt;!-- --&gt;"), messages);
        assertTrue(messages.contains("<div class=\"text\">* alice &lt;/div&gt;&lt;b&gt;bold&lt;/b&gt;</div>"), messages);
        assertEquals(2, count(messages, "<li "), "the hostile text did not open or close any element");
        assertEquals(2, count(messages, "</li>"));
    }

    @Test
    void aHostileNameIsEscapedToo() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        ConversationWriter writer = ExportFormat.HTML.writer(out, english());
        writer.begin(new ExportHeader("<me>", "\"alice\"&<x>", ExportSamples.AT));
        writer.message(ExportedMessage.of(incoming("/me <i>waves</i>"), "me", "<u>alice</u>"));
        writer.message(ExportedMessage.of(incoming("hi"), "me", "<u>alice</u>"));
        writer.end();
        String html = out.toString();
        assertFalse(html.contains("<u>"));
        assertFalse(html.contains("<me>"));
        assertTrue(html.contains("<title>Conversation between &lt;me&gt; and &quot;alice&quot;&amp;&lt;x&gt;</title>"));
        assertTrue(html.contains("* &lt;u&gt;alice&lt;/u&gt; &lt;i&gt;waves&lt;/i&gt;"));
        assertTrue(html.contains("<span class=\"sender\">&lt;u&gt;alice&lt;/u&gt;</span>"));
    }

    @Test
    void onlyWebAndXmppAddressesBecomeLinksThatOpenWithoutAHandleOnThePage() throws IOException {
        String html = export(ExportFormat.HTML, english(), incoming("""
                see https://example.org/a?b=1&c=2, then http://example.net/x_(y). \
                Chat: xmpp:bob@example.org?message. Not these: javascript:alert(1) file:///etc/passwd \
                data:text/html,<script>x</script> ftp://example.org/f vbscript:msgbox"""));
        assertEquals(List.of("https://example.org/a?b=1&amp;c=2", "http://example.net/x_(y)", "xmpp:bob@example.org?message"),
                links(html));
        String messages = body(html);
        assertTrue(messages.contains(">https://example.org/a?b=1&amp;c=2</a>, then"), "the comma after the address is text");
        assertTrue(messages.contains("Not these: javascript:alert(1) file:///etc/passwd data:text/html,&lt;script&gt;x&lt;/script&gt;"
                + " ftp://example.org/f vbscript:msgbox"), messages);
        assertEquals(3, count(messages, "<a "));
        assertEquals(3, count(messages, "rel=\"noopener noreferrer\""));
    }

    @Test
    void linesStayLinesAndMarksFollowTheText() throws IOException {
        String html = export(ExportFormat.HTML, english(), incoming("one\ntwo\r\nthree"), corrected("teh", "the"),
                outgoing("lost", DeliveryState.FAILED, Optional.of("The server said <no>.")),
                outgoing("also lost", DeliveryState.FAILED, Optional.empty()));
        String messages = body(html);
        assertTrue(messages.contains("<div class=\"text\">one\ntwo\nthree</div>"), "pre-wrap keeps the line breaks");
        assertTrue(messages.contains("<div class=\"text\">the <span class=\"mark\">(edited)</span></div>"));
        assertFalse(messages.contains("teh"));
        assertTrue(messages.contains("<li class=\"outgoing failed\">"));
        assertTrue(messages.contains("lost <span class=\"mark\">(not delivered: The server said &lt;no&gt;.)</span>"));
        assertTrue(messages.contains("also lost <span class=\"mark\">(not delivered)</span>"));
        assertTrue(html.contains(".text { white-space: pre-wrap;"));
    }

    @Test
    void emojiAndA64KilobyteMessageComeThroughWhole() throws IOException {
        String emoji = "👋🏽 你好 \uD83D\uDE00 👨‍👩‍👧";
        String big = "z".repeat(64 * 1024) + emoji;
        String messages = body(export(ExportFormat.HTML, english(), incoming(emoji), incoming(big)));
        assertTrue(messages.contains("<div class=\"text\">" + emoji + "</div>"));
        assertTrue(messages.contains("<div class=\"text\">" + big + "</div>"));
    }

    @Test
    void chinesePagesSayTheirLanguage() throws IOException {
        String html = export(ExportFormat.HTML, new ExportLabels(welljabber.plugin.chat.Texts.forLocale(Locale.SIMPLIFIED_CHINESE),
                ExportSamples.SHANGHAI));
        assertTrue(html.contains("<html lang=\"zh-CN\">"), html);
        assertTrue(html.contains("<h1>me@example.org 与 alice@example.org 的对话</h1>"));
    }
}
