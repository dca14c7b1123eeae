package io.jobmatch.ingest;

import io.jobmatch.security.SourceGrant;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled sample offers (72 offers in six languages, written for this project) through the same path as
 * the bulk API, in-process, so with no API key: they are the service's own. Idempotent: unchanged offers are left
 * alone.
 */
@Singleton
public class SampleOffersLoader {

    static final String RESOURCE = "samples/offers.json";
    private static final Logger LOG = LoggerFactory.getLogger(SampleOffersLoader.class);

    private final BulkImporter importer;
    private final JsonMapper json;

    public SampleOffersLoader(BulkImporter importer, JsonMapper json) {
        this.importer = importer;
        this.json = json;
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
