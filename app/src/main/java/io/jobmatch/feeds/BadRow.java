package io.jobmatch.feeds;

import java.util.List;

/**
 * A row that was not stored: where it is in its file ({@code file:line} or {@code file#index}), its
 * {@code externalId} when known, and every error (read here, or answered by the service).
 */
public record BadRow(String location, String externalId, List<RowError> errors) {}
