package io.jobmatch.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jobmatch.web.FieldError;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one item of a bulk request, at its position ({@code index}, from 0): CREATED, UPDATED or UNCHANGED
 * with the offer's {@code id}, INVALID with the {@code errors} that kept it out, or FORBIDDEN (the API key does not
 * hold the item's source; one error on {@code source}), the bulk counterpart of a single write's 403.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BulkItemResult(int index, String status, String externalId, UUID id, List<FieldError> errors) {

    public static final String INVALID = "INVALID";
    public static final String FORBIDDEN = "FORBIDDEN";
}
