package io.jobmatch.pages;

import io.jobmatch.keywords.Keywords;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a highlight into pieces, marking the words that match the CV. A word matches when its analysed term (stem,
 * language-aware, as the keyword search reads it) is the term of one of the matched words, so "développeuse" in an
 * offer is marked for "développeur" in a CV.
 */
@Singleton
class MarkedText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** A run of text; the template shows a marked one in {@code <mark>}. */
    public record Piece(String text, boolean marked) {}

    private final Keywords keywords;

    MarkedText(Keywords keywords) {
        this.keywords = keywords;
    }

    List<Piece> mark(String text, List<String> matchedWords, String language) {
        Set<String> terms = new HashSet<>();
        matchedWords.forEach(
                word -> terms.addAll(keywords.analyze(word, language).counts().keySet()));
        List<Piece> pieces = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        Matcher word = WORD.matcher(text);
        int end = 0;
        while (word.find()) {
            plain.append(text, end, word.start());
            end = word.end();
            if (!terms.isEmpty() && matches(word.group(), terms, language)) {
                flush(plain, pieces);
                pieces.add(new Piece(word.group(), true));
            } else {
                plain.append(word.group());
            }
        }
        plain.append(text, end, text.length());
        flush(plain, pieces);
        return pieces;
    }

    private boolean matches(String word, Set<String> terms, String language) {
        return keywords.analyze(word, language).counts().keySet().stream().anyMatch(terms::contains);
    }

    private static void flush(StringBuilder plain, List<Piece> pieces) {
        if (!plain.isEmpty()) {
            pieces.add(new Piece(plain.toString(), false));
            plain.setLength(0);
        }
    }
}
