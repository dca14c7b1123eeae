package io.jobmatch.ingest;

import io.jobmatch.index.OfferIndexer;
import io.jobmatch.security.SourceGrant;
import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled sample offers (72 offers in six languages, written for this project) through the same path as
 * the bulk API, in-process, so with no API key: they are the service's own. Idempotent: unchanged offers are left
 * alone. It returns once the index workers have indexed them (or tried to: a Qdrant outage leaves them queued), so
 * what {@code serve} answers first is the whole sample set.
 */
@Singleton
public class SampleOffersLoader {

    static final String RESOURCE = "samples/offers.json";
    private static final Logger LOG = LoggerFactory.getLogger(SampleOffersLoader.class);
    /** Far more than the samples take (about 10 s here); a long backlog ahead of them must not hold the start. */
    private static final Duration INDEX_WAIT = Duration.ofMinutes(2);

    private final BulkImporter importer;
    private final JsonMapper json;
    /** Absent in a command-line context, which runs no index workers. */
    private final BeanProvider<OfferIndexer> indexer;

    public SampleOffersLoader(BulkImporter importer, JsonMapper json, BeanProvider<OfferIndexer> indexer) {
        this.importer = importer;
        this.json = json;
        this.indexer = indexer;
    }

    public BulkResponse load() {
        BulkResponse response = importer.importAll(sampleItems(), SourceGrant.EVERY_SOURCE);
        if (response.invalid() > 0) {
            throw new IllegalStateException("Bundled sample offers are invalid: "
                    + response.results().stream()
                            .filter(r -> r.status().equals(BulkItemResult.INVALID))
                            .toList());
        }
        LOG.info(
                "Sample offers: {} created, {} updated, {} unchanged",
                response.created(),
                response.updated(),
                response.unchanged());
        List<UUID> stored = response.results().stream()
                .map(BulkItemResult::id)
                .filter(Objects::nonNull)
                .toList();
        indexer.ifPresent(workers -> {
            if (!workers.awaitAttempted(stored, INDEX_WAIT)) {
                LOG.warn("Sample offers are still being indexed; /health/readiness says when the index caught up");
            }
        });
        return response;
    }

    private List<BulkItems.Item> sampleItems() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            JsonNode root = json.readValue(in.readAllBytes(), JsonNode.class);
            List<BulkItems.Item> items = new ArrayList<>();
            root.values().forEach(node -> items.add(BulkItems.Item.of(node)));
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
