package io.jobmatch.index;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.embeddings.TextKind;
import io.jobmatch.keywords.Keywords;
import io.jobmatch.offers.Offer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes what is indexed for offers: the dense embedding of title and description, the keyword vector analysed in
 * the offer's language, and the embedded passages. Shared by the indexer and the evaluation, so both rank the same
 * vectors.
 */
@Singleton
public class OfferVectors {

    private final EmbeddingEngine engine;
    private final Keywords keywords;
    private final PassageSettings passages;

    public OfferVectors(EmbeddingEngine engine, Keywords keywords, PassageSettings passages) {
        this.engine = engine;
        this.keywords = keywords;
        this.passages = passages;
    }

    /**
     * Passages are embedded when enabled in configuration: hybrid search ranks with them, highlights show them.
     */
    public List<IndexedOffer> compute(List<Offer> offers) {
        List<TextEmbedding> dense =
                engine.embedDocuments(offers.stream().map(Offer::searchableText).toList());
        List<OfferPassages> offerPassages = passages.enabled()
                ? embedPassages(offers)
                : offers.stream().map(offer -> OfferPassages.NONE).toList();
        List<IndexedOffer> indexed = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            indexed.add(new IndexedOffer(
                    offer,
                    dense.get(i).vector(),
                    keywords.document(offer.title(), offer.description(), offer.language()),
                    offerPassages.get(i)));
        }
        return indexed;
    }

    /**
     * All offers' passages go to the engine in one call, so its length-grouped batching sees all of them. They are
     * embedded as queries, not as documents: a passage is compared with a CV window or a job title, text of the same
     * kind, and e5 models are trained to compare such symmetric pairs with the query prefix on both sides (it
     * measured better than the document prefix, e5's "passage: ", docs/search-quality.md).
     */
    private List<OfferPassages> embedPassages(List<Offer> offers) {
        List<List<String>> texts = offers.stream()
                .map(offer -> PassageSplitter.split(offer.description(), offer.language(), passages.max()))
                .toList();
        List<TextEmbedding> vectors = engine.embed(
                TextKind.QUERY, texts.stream().flatMap(List::stream).toList());
        List<OfferPassages> result = new ArrayList<>(offers.size());
        int next = 0;
        for (List<String> offerTexts : texts) {
            List<float[]> offerVectors = vectors.subList(next, next + offerTexts.size()).stream()
                    .map(TextEmbedding::vector)
                    .toList();
            result.add(new OfferPassages(offerTexts, offerVectors));
            next += offerTexts.size();
        }
        return result;
    }
}
