package io.jobmatch.cv;

import io.jobmatch.cv.CvFileException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates every entry of a zip-based file (DOCX, ODT) once, counting bytes and throwing nothing away but time, and
 * refuses the file as soon as it expands past {@code maxCompressionRatio} times its size or holds too many entries.
 * Why before the parser: Tika's own guard counts the text it writes, so a bomb of markup without text (or of text past
 * the write limit) would slip through it; POI has a ratio check of its own, but only for OOXML. Inflating at most
 * ratio × 10 MB costs well under a second, and nothing is kept.
 */
final class ZipBombGuard {

    /** A CV has a few dozen entries; hundreds of thousands of tiny ones are a bomb of their own. */
    static final int MAX_ENTRIES = 10_000;

    /** Small files may expand more than large ones without being a threat: a floor for the allowance. */
    private static final long MIN_ALLOWANCE = 16L * 1024 * 1024;

    private ZipBombGuard() {}

    static void check(byte[] file, int maxCompressionRatio) {
        long allowance = Math.max(MIN_ALLOWANCE, (long) maxCompressionRatio * file.length);
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw hostile("The file holds more than " + MAX_ENTRIES + " parts");
                }
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    inflated += read;
                    if (inflated > allowance) {
                        throw hostile("The file expands to more than " + maxCompressionRatio
                                + " times its size (a zip bomb)");
                    }
                }
            }
        } catch (IOException e) {
            throw new CvFileException(Reason.UNREADABLE, "The file is damaged and could not be read", e);
        }
    }

    private static CvFileException hostile(String message) {
        return new CvFileException(Reason.HOSTILE, message);
    }
}
