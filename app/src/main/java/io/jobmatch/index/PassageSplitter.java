package io.jobmatch.index;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private PassageSplitter() {}

    static List<String> split(String description, String language, int max) {
        Locale locale = Locale.forLanguageTag(language == null ? "" : language);
        Map<String, String> passages = new LinkedHashMap<>();
        for (String item : description.split("\\R|;")) {
            BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
            sentences.setText(item);
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                for (String piece : cut(clean(item.substring(start, end)))) {
                    if (passages.size() == max) {
                        return List.copyOf(passages.values());
                    }
                    passages.putIfAbsent(piece.toLowerCase(locale), piece);
                }
            }
        }
        return List.copyOf(passages.values());
    }

    private static String clean(String sentence) {
        String text = sentence.strip();
        int i = 0;
        while (i < text.length() && (BULLETS.indexOf(text.charAt(i)) >= 0 || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return text.substring(i);
    }

    private static List<String> cut(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < 3) {
            return List.of();
        }
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_CHARS) {
            int space = rest.lastIndexOf(' ', MAX_CHARS);
            int at = space > MAX_CHARS / 2 ? space : MAX_CHARS;
            pieces.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }
}
