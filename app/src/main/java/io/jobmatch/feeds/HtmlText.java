package io.jobmatch.feeds;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A JobPosting's HTML {@code description} as plain text (jsoup): each paragraph, list item, heading, block and
 * {@code <br>} ends a line, entities are decoded, and no markup is left. Text without tags keeps its own lines.
 */
final class HtmlText {

    private static final Pattern TAG = Pattern.compile("<[A-Za-z!/]");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);");

    private HtmlText() {}

    static String plain(String text) {
        if (TAG.matcher(text).find()) {
            return lines(Jsoup.parseBodyFragment(text).body());
        }
        if (ENTITY.matcher(text).find()) {
            return Parser.unescapeEntities(text, false);
        }
        return text;
    }

    private static String lines(Element body) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode words && !inScript(words)) {
                            text.append(words.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
                        } else if (node instanceof Element element && breaksLine(element)) {
                            text.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && breaksLine(element)) {
                            text.append('\n');
                        }
                    }
                },
                body);
        return text.toString()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static boolean breaksLine(Element element) {
        return element.isBlock() || element.nameIs("br") || element.nameIs("li") || element.nameIs("tr");
    }

    private static boolean inScript(TextNode node) {
        Node parent = node.parent();
        return parent instanceof Element element && (element.nameIs("script") || element.nameIs("style"));
    }
}
