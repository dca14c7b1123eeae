package io.jobmatch.cv;

/** A CV file the service refuses, and why; the message is safe to show (it never quotes the file). */
public class CvFileException extends RuntimeException {

    /** Why a file was refused; web maps each to its HTTP status. */
    public enum Reason {
        /** Larger than {@link CvSettings#maxFileSize()}. */
        TOO_LARGE,
        /** Not one of the accepted types, judged by content. */
        UNSUPPORTED_TYPE,
        /** No bytes at all. */
        EMPTY,
        /** Damaged, or not really of the type its content starts as. */
        UNREADABLE,
        /** Needs a password. */
        ENCRYPTED,
        /** Built to exhaust the parser: a zip bomb, too deep a nesting. */
        HOSTILE,
        /** Readable, but without text: a scan or an image (no OCR). */
        NO_TEXT,
        /** Extraction took longer than {@link CvSettings#extractionTimeout()}. */
        TOO_SLOW,
        /** Every extraction thread is busy and the line is full. */
        BUSY
    }

    private final Reason reason;

    public CvFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CvFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
