package io.jobmatch.cv;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.search.SearchQuery;
import io.jobmatch.search.SearchService;
import jakarta.inject.Singleton;

/**
 * Entry point of the CV-file feature: reads a file's text and searches with it exactly as with a pasted CV. The
 * text is cut to the model's input limit, the same limit a pasted CV has, at a word boundary where one is near.
 */
@Singleton
public class CvFileSearch {

    /** How far back from the limit a cut looks for a space, so a word is not split in two. */
    private static final int WORD_BOUNDARY_WINDOW = 200;

    private final CvTextExtractor extractor;
    private final SearchService search;

    public CvFileSearch(CvTextExtractor extractor, SearchService search) {
        this.extractor = extractor;
        this.search = search;
    }

    /**
     * @param file  the CV file's bytes
     * @param query the search, its text left to the file
     * @throws CvFileException when the file is refused or holds no text
     */
    public CvSearchResponse search(byte[] file, SearchQuery query) {
        ExtractedText extracted = extractor.extract(file);
        String text = extracted.text();
        String searched = cut(text, EmbeddingEngine.MAX_TEXT_CHARS);
        boolean truncated = extracted.cut() || searched.length() < text.length();
        return new CvSearchResponse(search.search(query.withText(searched)), text.length(), truncated, searched);
    }

    static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        int newline = text.lastIndexOf('\n', end);
        int boundary = Math.max(space, newline);
        return (boundary > end - WORD_BOUNDARY_WINDOW ? text.substring(0, boundary) : text.substring(0, end)).strip();
    }
}
