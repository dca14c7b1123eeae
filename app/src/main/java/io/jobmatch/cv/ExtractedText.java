package io.jobmatch.cv;

/**
 * The text of a CV file, with its whitespace tidied (lines trimmed, runs of blank lines folded).
 *
 * @param text      the text, never blank
 * @param cut       whether extraction stopped at {@link CvSettings#maxExtractedChars()} with more text in the file
 */
public record ExtractedText(String text, boolean cut) {}
