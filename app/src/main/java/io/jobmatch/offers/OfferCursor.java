package io.jobmatch.offers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of the offer listing ended: the last offer's sort key ({@code titleHits}, creation time, id). The
 * next page starts strictly after it, so offers added or removed meanwhile never shift a page (keyset pagination).
 * Clients see it only as an opaque string.
 *
 * @param titleHits how many of the query's words the last offer's title holds (0 without words)
 * @param createdAt when the last offer was first stored, to PostgreSQL's microsecond
 * @param id        the last offer's id, the tie-breaker
 */
public record OfferCursor(int titleHits, Instant createdAt, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return ENCODER.encodeToString((titleHits + ":" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor that {@link #encode} wrote, or empty when {@code text} is not one. */
    public static Optional<OfferCursor> decode(String text) {
        try {
            String[] parts = new String(DECODER.decode(text), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            int titleHits = Integer.parseInt(parts[0]);
            long micros = Long.parseLong(parts[1]);
            if (titleHits < 0) {
                return Optional.empty();
            }
            return Optional.of(new OfferCursor(
                    titleHits, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(parts[2])));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
