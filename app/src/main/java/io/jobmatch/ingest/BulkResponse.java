package io.jobmatch.ingest;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Totals and one result per item, in the order the items were sent; {@code forbidden}: items of a source the key lacks. */
@Serdeable
public record BulkResponse(
        int created, int updated, int unchanged, int invalid, int forbidden, List<BulkItemResult> results) {

    static BulkResponse of(List<BulkItemResult> results) {
        return new BulkResponse(
                count(results, "CREATED"),
                count(results, "UPDATED"),
                count(results, "UNCHANGED"),
                count(results, BulkItemResult.INVALID),
                count(results, BulkItemResult.FORBIDDEN),
                results);
    }

    private static int count(List<BulkItemResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }
}
