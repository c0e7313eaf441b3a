package io.distillery.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A written report (or a piece of one) parsed as XML, which fails on anything not well-formed, with XPath queries over it. Parsed
 * without namespaces so that queries name elements plainly: {@code //svg}, {@code //table[@class='models']}.
 */
final class Page {
    private final String text;
    private final Document document;

    private Page(String text) throws Exception {
        this.text = text;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        this.document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the report in {@code directory}, parsed */
    static Page of(Path directory) throws Exception {
        return parse(Files.readString(directory.resolve(HtmlReportWriter.FILE)));
    }

    /** @return the markup, parsed */
    static Page parse(String markup) throws Exception {
        return new Page(markup);
    }

    /** @return the page's source */
    String source() {
        return text;
    }

    /** @return the text content of each node the query selects, whitespace collapsed */
    List<String> texts(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().replaceAll("\\s+", " ").strip());
        }
        return texts;
    }

    /** @return the text of the single node the query selects */
    String text(String xpath) throws Exception {
        List<String> texts = texts(xpath);
        if (texts.size() != 1) {
            throw new AssertionError("expected one node for " + xpath + ", got " + texts);
        }
        return texts.get(0);
    }
}
