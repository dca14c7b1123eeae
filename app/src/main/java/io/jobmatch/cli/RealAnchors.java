package io.jobmatch.cli;

import io.jobmatch.index.IndexedOffer;
import io.jobmatch.index.OfferVectors;
import io.jobmatch.offers.Offer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Anchors of the bench-search corpus from real offers: the bundled sample offers (72 offers in six languages, written
 * for this project) embedded by the real model, with their keyword vectors and embedded passages as the service
 * indexes them. Each anchor leans on one sample offer and a little on another, so that a large corpus gathers around
 * many points of the real offers' space instead of 72.
 */
final class RealAnchors {

    private static final String SAMPLES = "samples/offers.json";
    /** Share of the second offer in an anchor's direction. */
    private static final float BLEND = 0.25f;

    private RealAnchors() {}

    static List<SyntheticOffers.Anchor> embed(OfferVectors vectors, JsonMapper json, int count, long seed) {
        List<IndexedOffer> samples = vectors.compute(sampleOffers(json));
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticOffers.Anchor> anchors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IndexedOffer main = samples.get(random.nextInt(samples.size()));
            float[] other = samples.get(random.nextInt(samples.size())).vector();
            float[] blend = new float[other.length];
            for (int d = 0; d < blend.length; d++) {
                blend[d] = (1 - BLEND) * main.vector()[d] + BLEND * other[d];
            }
            anchors.add(new SyntheticOffers.Anchor(
                    SyntheticOffers.around(random, blend, 0),
                    main.keywords(),
                    main.passages().vectors()));
        }
        return anchors;
    }

    /** Title, description and language are all that is embedded; the rest of an offer does not matter here. */
    private static List<Offer> sampleOffers(JsonMapper json) {
        try (InputStream in = RealAnchors.class.getClassLoader().getResourceAsStream(SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + SAMPLES);
            }
            List<Offer> offers = new ArrayList<>();
            for (JsonNode node :
                    json.readValue(in.readAllBytes(), JsonNode.class).values()) {
                offers.add(Offer.textOnly(
                        UUID.randomUUID(),
                        "sample",
                        node.get("externalId").getStringValue(),
                        node.get("title").getStringValue(),
                        node.get("description").getStringValue(),
                        node.get("language").getStringValue(),
                        null));
            }
            return offers;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SAMPLES, e);
        }
    }
}
