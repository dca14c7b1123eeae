package io.jobmatch.cv;

import io.jobmatch.cv.CvFileException.Reason;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache Tika adapter: detects the type from the bytes (magic numbers, and the parts inside a zip container), then
 * runs only the parser of that type, in memory, on an {@link ExtractionPool} thread. Tika's
 * {@link SecureContentHandler} bounds the nesting depth and the text-to-bytes ratio, a write limit bounds the text,
 * embedded documents (attachments, OLE objects, images) are never opened, zip-based files are checked for bombs first
 * ({@link ZipBombGuard}) and HTML for absurd nesting ({@link MarkupDepthGuard}).
 */
@Singleton
class TikaCvTextExtractor implements CvTextExtractor {

    private static final MediaType DOCX =
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final MediaType ODT = MediaType.application("vnd.oasis.opendocument.text");
    private static final Set<MediaType> ZIP_BASED = Set.of(DOCX, ODT);
    private static final Set<MediaType> HTML = Set.of(MediaType.TEXT_HTML, MediaType.application("xhtml+xml"));
    private static final Set<MediaType> ENCRYPTED =
            Set.of(MediaType.application("x-tika-ooxml-protected"), MediaType.application("x-tika-msoffice-encrypted"));

    /** SecureContentHandler judges the text-to-bytes ratio only past this much text; Tika's default is 1,000,000. */
    private static final long RATIO_CHECK_AFTER_CHARS = 10_000;

    private final Detector detector = new DefaultDetector();
    private final Map<MediaType, Parser> parsers;
    private final ExtractionPool pool;
    private final CvSettings settings;

    TikaCvTextExtractor(ExtractionPool pool, CvSettings settings) {
        this.pool = pool;
        this.settings = settings;
        Parser html = new JSoupParser();
        this.parsers = Map.of(
                MediaType.application("pdf"),
                new PDFParser(),
                DOCX,
                new OOXMLParser(),
                ODT,
                new OpenDocumentParser(),
                MediaType.application("rtf"),
                new RTFParser(),
                MediaType.TEXT_PLAIN,
                new TXTParser(),
                MediaType.TEXT_HTML,
                html,
                MediaType.application("xhtml+xml"),
                html);
    }

    @Override
    public ExtractedText extract(byte[] file) {
        if (file.length == 0) {
            throw new CvFileException(Reason.EMPTY, "The file is empty");
        }
        if (file.length > settings.maxFileSize()) {
            throw new CvFileException(Reason.TOO_LARGE, "The file is larger than " + settings.maxFileSize() + " bytes");
        }
        return pool.run(() -> extractHere(file));
    }

    private ExtractedText extractHere(byte[] file) throws IOException {
        // Tika deletes any temporary file it made for the stream when the stream closes.
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            MediaType type = detector.detect(stream, new Metadata()).getBaseType();
            Parser parser = parserFor(type);
            if (ZIP_BASED.contains(type)) {
                ZipBombGuard.check(file, settings.maxCompressionRatio());
            }
            if (HTML.contains(type)) {
                MarkupDepthGuard.check(file, settings.maxNestingDepth());
            }
            BodyContentHandler text = new BodyContentHandler(settings.maxExtractedChars());
            SecureContentHandler guarded = new SecureContentHandler(text, stream);
            guarded.setMaximumDepth(settings.maxNestingDepth());
            guarded.setMaximumCompressionRatio(settings.maxCompressionRatio());
            guarded.setOutputThreshold(RATIO_CHECK_AFTER_CHARS);
            boolean cut = parse(parser, stream, guarded);
            String tidy = tidy(text.toString());
            if (tidy.isEmpty()) {
                throw new CvFileException(
                        Reason.NO_TEXT, "No text found in the file: scanned pages and images are not read (no OCR)");
            }
            return new ExtractedText(tidy, cut);
        }
    }

    private Parser parserFor(MediaType type) {
        if (type.getType().equals("image")) {
            throw new CvFileException(
                    Reason.NO_TEXT, "No text found: the file is an image, and images are not read (no OCR)");
        }
        if (ENCRYPTED.contains(type)) {
            throw new CvFileException(Reason.ENCRYPTED, "The file is encrypted (password protected)");
        }
        Parser parser = parsers.get(type);
        if (parser == null) {
            throw new CvFileException(
                    Reason.UNSUPPORTED_TYPE,
                    "The file is " + type + ", which is not accepted: send PDF, DOCX, ODT, RTF, TXT or HTML");
        }
        return parser;
    }

    /** @return whether the write limit cut the text */
    private static boolean parse(Parser parser, TikaInputStream stream, SecureContentHandler guarded) {
        try {
            parser.parse(stream, guarded, new Metadata(), context());
            return false;
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return true;
            }
            try {
                guarded.throwIfCauseOf(e);
            } catch (TikaException hostile) {
                throw new CvFileException(
                        Reason.HOSTILE, "The file is built to exhaust the reader (nesting too deep, or a zip bomb)");
            }
            throw unreadable(e);
        } catch (ZeroByteFileException e) {
            throw new CvFileException(Reason.EMPTY, "The file is empty");
        } catch (EncryptedDocumentException e) {
            throw new CvFileException(Reason.ENCRYPTED, "The file is encrypted (password protected)");
        } catch (TikaException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return true;
            }
            if (causedByEncryption(e)) {
                throw new CvFileException(Reason.ENCRYPTED, "The file is encrypted (password protected)");
            }
            throw unreadable(e);
        } catch (StackOverflowError e) {
            throw new CvFileException(Reason.HOSTILE, "The file is built to exhaust the reader (nesting too deep)");
        }
    }

    private static boolean causedByEncryption(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException
                    || cause instanceof org.apache.poi.EncryptedDocumentException) {
                return true;
            }
        }
        return false;
    }

    /** The cause is kept for a debugger, never logged: parser messages can quote the file. */
    private static CvFileException unreadable(Exception e) {
        return new CvFileException(Reason.UNREADABLE, "The file is damaged or not what its content starts as", e);
    }

    /** Attachments, embedded files and images are never opened: a CV's text is in the document itself. */
    private static ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return false;
            }

            @Override
            public void parseEmbedded(
                    InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {}
        });
        // Every HTML element reaches the nesting guard, not only the ones Tika's default mapper keeps (it drops divs).
        context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setExtractMacros(false);
        context.set(OfficeParserConfig.class, office);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setExtractFontNames(false);
        // No OCR parser is installed; NO_OCR also keeps PDFBox from rendering pages to look for text in images.
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /**
     * Trailing spaces go, and runs of blank lines fold into one: parsers pad layout with both. A loop, not a regular
     * expression: Java's regex engine recurses per repetition, and a hostile file can make thousands of empty lines.
     */
    static String tidy(String text) {
        StringBuilder tidy = new StringBuilder(text.length());
        int blankLines = 0;
        for (String line : text.split("\\R", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                blankLines++;
                continue;
            }
            if (!tidy.isEmpty()) {
                tidy.append(blankLines > 0 ? "\n\n" : "\n");
            }
            tidy.append(trimmed);
            blankLines = 0;
        }
        return tidy.toString().strip();
    }
}
