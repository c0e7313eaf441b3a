package io.distillery.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A writer of well-formed markup: HTML in its XML-compatible form, with inline SVG. Elements are closed in the
 * order they were opened, and every text and attribute value is escaped, so that nothing read from a run's files
 * can inject markup.
 *
 * <pre>{@code
 * Markup m = new Markup();
 * m.open("p", "class", "note").text(untrusted).close();
 * }</pre>
 */
final class Markup {
    private static final char REPLACEMENT = '\uFFFD';

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    /**
     * Opens an element; {@link #close()} ends it.
     *
     * @param name the element's name
     * @param attributes names and values, alternating
     * @return this
     */
    Markup open(String name, Object... attributes) {
        start(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    /** @return this, after ending the element opened last */
    Markup close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /**
     * Writes an element without content, such as an SVG shape or an HTML void element ({@code meta}): HTML
     * parsers would leave any other HTML element written this way open.
     *
     * @param name the element's name
     * @param attributes names and values, alternating
     * @return this
     */
    Markup empty(String name, Object... attributes) {
        start(name, attributes);
        out.append("/>");
        return this;
    }

    /**
     * Writes an element holding only text.
     *
     * @param name the element's name
     * @param text its content, escaped
     * @param attributes names and values, alternating
     * @return this
     */
    Markup leaf(String name, String text, Object... attributes) {
        return open(name, attributes).text(text).close();
    }

    /** @return this, after writing the text, escaped */
    Markup text(String text) {
        escape(text, out);
        return this;
    }

    /**
     * Writes markup as it is: only for constants of this bundle (the doctype, the style sheet), since HTML parsers
     * would not unescape the content of a {@code style} element.
     *
     * @return this
     */
    Markup verbatim(String constant) {
        out.append(constant);
        return this;
    }

    /** @return the markup written so far; every element must be closed */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }

    private void start(String name, Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes of <" + name + "> must come in name-value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(String.valueOf(attributes[i + 1]), out);
            out.append('"');
        }
    }

    /** Escapes the five markup characters and replaces what XML forbids, such as control characters. */
    private static void escape(String text, StringBuilder to) {
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> to.append("&amp;");
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                case '"' -> to.append("&quot;");
                case '\'' -> to.append("&#39;");
                default -> {
                    if (allowed(c)) {
                        to.appendCodePoint(c);
                    } else {
                        to.append(REPLACEMENT);
                    }
                }
            }
        });
    }

    /** The characters XML 1.0 allows; a lone surrogate arrives here as its own code point and is not one. */
    private static boolean allowed(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
