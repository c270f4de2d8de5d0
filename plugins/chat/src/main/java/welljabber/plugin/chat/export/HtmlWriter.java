// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;
import java.io.Writer;

import welljabber.plugin.chat.render.Segment;

/**
 * A conversation as one standalone web page: UTF-8, the style inline, no scripts and nothing loaded from
 * elsewhere (the page's own Content-Security-Policy forbids both, in case anything slipped through). Every
 * piece of text from a message is escaped, and only the links {@code BodyRenderer} lets open (http, https,
 * xmpp) become anchors, which give the opened page neither a handle on this one nor a referrer.
 */
final class HtmlWriter implements ConversationWriter {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 50em; padding: 0 1em; color: #222; background: #fff; }
            header { border-bottom: 1px solid #ccc; margin-bottom: 1em; }
            h1 { font-size: 1.3em; }
            ol { list-style: none; margin: 0; padding: 0; }
            li { margin: 0 0 0.8em; }
            .meta { color: #666; font-size: 0.85em; }
            .sender { font-weight: bold; color: #333; }
            .outgoing .sender { color: #1a5e9a; }
            .text { white-space: pre-wrap; overflow-wrap: anywhere; }
            .action .text { font-style: italic; }
            .mark { color: #666; font-size: 0.85em; }
            .failed .mark { color: #a00; }
            """;

    private final Writer out;
    private final ExportLabels labels;

    HtmlWriter(Writer out, ExportLabels labels) {
        this.out = out;
        this.labels = labels;
    }

    @Override
    public void begin(ExportHeader header) throws IOException {
        String title = escape(labels.title(header));
        out.write("<!DOCTYPE html>\n<html lang=\"" + escape(labels.languageTag()) + "\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        out.write("<title>" + title + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<header>\n<h1>" + title + "</h1>\n<p>" + escape(labels.exportedAt(header)) + "</p>\n</header>\n<ol>\n");
    }

    @Override
    public void message(ExportedMessage message) throws IOException {
        out.write("<li class=\"" + (message.outgoing() ? "outgoing" : "incoming")
                + (message.body().action() ? " action" : "") + (message.notDelivered() ? " failed" : "") + "\">");
        out.write("<div class=\"meta\"><time datetime=\"" + labels.machineTime(message.at()) + "\">"
                + labels.time(message.at()) + "</time>");
        if (!message.body().action()) {
            out.write(" <span class=\"sender\">" + escape(message.sender()) + "</span>");
        }
        out.write("</div><div class=\"text\">");
        for (Segment segment : message.body().segments()) {
            switch (segment) {
                case Segment.Plain plain -> out.write(escape(plain.text()));
                case Segment.Link link -> out.write("<a href=\"" + escape(link.target().toString())
                        + "\" rel=\"noopener noreferrer\">" + escape(link.text()) + "</a>");
            }
        }
        if (message.edited()) {
            out.write(" <span class=\"mark\">" + escape(labels.edited()) + "</span>");
        }
        if (message.notDelivered()) {
            out.write(" <span class=\"mark\">" + escape(labels.notDelivered(message)) + "</span>");
        }
        out.write("</div></li>\n");
    }

    @Override
    public void end() throws IOException {
        out.write("</ol>\n</body>\n</html>\n");
        out.flush();
    }

    /**
     * Text as HTML that shows it and means nothing: the five characters with a meaning in text or in a
     * quoted attribute become references; everything else, emoji included, stays as it is (UTF-8).
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
