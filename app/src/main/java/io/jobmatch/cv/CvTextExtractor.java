package io.jobmatch.cv;

/** Reads the text of a CV file. */
public interface CvTextExtractor {

    /**
     * @param file the file's bytes; its type is read from the content, never from a name or a media type
     * @return the text, at most {@link CvSettings#maxExtractedChars()} characters
     * @throws CvFileException when the file is refused (type, size, structure, time) or holds no text
     */
    ExtractedText extract(byte[] file);
}
