package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How markup is written and escaped. */
class MarkupTest {

    @Test
    void elementsNestAndClose() {
        Markup m = new Markup();
        m.open("p", "class", "a").leaf("b", "x").empty("br").close();
        assertEquals("<p class=\"a\"><b>x</b><br/></p>", m.toString());
    }

    @Test
    void textAndAttributesAreEscaped() {
        Markup m = new Markup();
        m.leaf("p", "<a href='x'>&</a>", "title", "\"><script>");
        assertEquals("<p title=\"&quot;&gt;&lt;script&gt;\">&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;</p>", m.toString());
    }

    @Test
    void charactersXmlForbidsAreReplaced() {
        Markup m = new Markup();
        m.text("a\u0000b\u001Bc\uD800d\té😀");
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\té😀", m.toString());
    }

    @Test
    void anElementLeftOpenIsAnError() {
        Markup m = new Markup();
        m.open("div");
        assertThrows(IllegalStateException.class, m::toString);
    }

    @Test
    void attributesComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> new Markup().open("p", "class"));
    }
}
