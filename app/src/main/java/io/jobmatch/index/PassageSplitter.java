package io.jobmatch.index;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an offer's description into sentence-level passages: first at line breaks (offers are mostly bullet lists),
 * then at semicolons (they separate list items, "Java; Kotlin; Scala", or clauses that stand alone), then at
 * sentence ends as the JDK's sentence BreakIterator for the offer's locale sees them (it knows no abbreviations:
 * "z. B." ends a sentence). Bullets are dropped; a passage without at least three letters is noise, one longer than
 * {@link #MAX_CHARS} characters is cut at a space so a highlight stays readable, and a passage that repeats an
 * earlier one (ignoring case) is dropped: it would score the same and take the place of another.
 */
final class PassageSplitter {

    private static final int MAX_CHARS = 400;
    private static final String BULLETS = "-*•·–—▪◦●>";
    private static final Pattern ITEM_END = Pattern.compile("\\R|;");

    /**
     * One passage: {@code text} is exactly characters {@code [start, end)} of the description, so late chunking can
     * find its tokens in the offer's own forward pass.
     */
    record Passage(String text, int start, int end) {}

    private PassageSplitter() {}

    static List<String> split(String description, String language, int max) {
        return passages(description, language, max).stream().map(Passage::text).toList();
    }

    static List<Passage> passages(String description, String language, int max) {
        Locale locale = Locale.forLanguageTag(language == null ? "" : language);
        Map<String, Passage> passages = new LinkedHashMap<>();
        Matcher itemEnd = ITEM_END.matcher(description);
        int itemStart = 0;
        boolean more = true;
        while (more) {
            more = itemEnd.find();
            int itemStop = more ? itemEnd.start() : description.length();
            BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
            sentences.setText(description.substring(itemStart, itemStop));
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                for (int[] piece : cut(
                        description,
                        cleanStart(description, itemStart + start, itemStart + end),
                        stripEnd(description, itemStart + start, itemStart + end))) {
                    if (passages.size() == max) {
                        return List.copyOf(passages.values());
                    }
                    String text = description.substring(piece[0], piece[1]);
                    passages.putIfAbsent(text.toLowerCase(locale), new Passage(text, piece[0], piece[1]));
                }
            }
            if (more) {
                itemStart = itemEnd.end();
            }
        }
        return List.copyOf(passages.values());
    }

    /** First character of {@code [from, to)} that is neither a space nor a bullet. */
    private static int cleanStart(String text, int from, int to) {
        int i = from;
        while (i < to && (BULLETS.indexOf(text.charAt(i)) >= 0 || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static int stripStart(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int stripEnd(String text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Characters {@code [from, to)} as pieces of at most {@link #MAX_CHARS}, each as {start, end}. */
    private static List<int[]> cut(String text, int from, int to) {
        if (from >= to
                || text.substring(from, to)
                                .codePoints()
                                .filter(Character::isLetter)
                                .count()
                        < 3) {
            return List.of();
        }
        List<int[]> pieces = new ArrayList<>();
        int rest = from;
        while (to - rest > MAX_CHARS) {
            int space = text.substring(rest, rest + MAX_CHARS + 1).lastIndexOf(' ');
            int at = rest + (space > MAX_CHARS / 2 ? space : MAX_CHARS);
            pieces.add(new int[] {rest, stripEnd(text, rest, at)});
            rest = stripStart(text, at, to);
        }
        if (rest < to) {
            pieces.add(new int[] {rest, to});
        }
        return pieces;
    }
}
