package io.jobmatch.cv;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * Limits on CV files ({@code POST /api/search/file}), each a defence against a file built to hurt the service.
 *
 * @param maxFileSize         largest file accepted (413 above it)
 * @param extractionTimeout   longest a file's text extraction may take (422 after it)
 * @param extractionThreads   files extracted at once; more wait in line
 * @param maxWaiting          files waiting for an extraction thread; more get a 503 with {@code Retry-After}
 * @param maxExtractedChars   text read from one file at most; the search itself reads the first 20,000
 * @param maxNestingDepth     deepest element nesting of the document's structure (422 deeper: a file built to exhaust
 *                            the parser)
 * @param maxCompressionRatio most characters of text per byte of file once past a million characters (422 above it:
 *                            a zip bomb)
 */
@ConfigurationProperties("jobmatch.cv")
public record CvSettings(
        @Bindable(defaultValue = "10MB") @ReadableBytes long maxFileSize,
        @Bindable(defaultValue = "10s") Duration extractionTimeout,
        @Bindable(defaultValue = "2") int extractionThreads,
        @Bindable(defaultValue = "8") int maxWaiting,
        @Bindable(defaultValue = "100000") int maxExtractedChars,
        @Bindable(defaultValue = "100") int maxNestingDepth,
        @Bindable(defaultValue = "100") int maxCompressionRatio) {}
