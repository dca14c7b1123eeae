package io.jobmatch.cv;

import io.jobmatch.cv.CvFileException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Estimates how deep an HTML file's elements nest, in one pass over its tags, and refuses it when the estimate
 * passes twice the nesting limit. Why before the parser: jsoup builds the whole tree before Tika's nesting guard sees
 * the first element, and a hundred thousand nested elements take it seconds. Elements without content or whose end
 * tag HTML lets a page leave out ({@code <br>}, {@code <p>}, {@code <li>}, ...) do not count, so an ordinary page is
 * never refused here; the exact check is still Tika's, on what the parser emits.
 */
final class MarkupDepthGuard {

    private static final Set<String> NOT_NESTING = Set.of(
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
            "p",
            "li",
            "dt",
            "dd",
            "tr",
            "td",
            "th",
            "option",
            "optgroup",
            "thead",
            "tbody",
            "tfoot",
            "colgroup",
            "rb",
            "rt",
            "rp",
            "html",
            "head",
            "body");

    private MarkupDepthGuard() {}

    static void check(byte[] file, int maxNestingDepth) {
        // Tag names are ASCII in every encoding a page can declare; one byte per char keeps offsets simple.
        String html = new String(file, StandardCharsets.ISO_8859_1);
        int limit = 2 * maxNestingDepth;
        int depth = 0;
        int at = html.indexOf('<');
        while (at >= 0) {
            if (html.startsWith("<!--", at)) {
                at = next(html, html.indexOf("-->", at + 4));
                continue;
            }
            boolean closing = at + 1 < html.length() && html.charAt(at + 1) == '/';
            int nameStart = closing ? at + 2 : at + 1;
            int nameEnd = nameStart;
            while (nameEnd < html.length() && Character.isLetterOrDigit(html.charAt(nameEnd))) {
                nameEnd++;
            }
            int end = html.indexOf('>', nameEnd);
            if (end < 0) {
                return;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !NOT_NESTING.contains(name) && html.charAt(end - 1) != '/') {
                depth = Math.max(0, depth + (closing ? -1 : 1));
                if (depth > limit) {
                    throw new CvFileException(
                            Reason.HOSTILE, "The file's elements nest more than " + maxNestingDepth + " deep");
                }
            }
            if (!closing && (name.equals("script") || name.equals("style"))) {
                end = html.indexOf("</" + name, end);
                if (end < 0) {
                    return;
                }
            }
            at = html.indexOf('<', end + 1);
        }
    }

    private static int next(String html, int found) {
        return found < 0 ? -1 : html.indexOf('<', found);
    }
}
