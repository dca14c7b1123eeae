/**
 * Getting many offers in at once: the bulk API (JSON array or NDJSON) and the bundled sample data. Every item is
 * validated alone; the valid ones are stored in one batch. Entry point: {@link io.jobmatch.ingest.BulkImporter}.
 */
package io.jobmatch.ingest;
