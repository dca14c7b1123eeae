package io.jobmatch.index;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.SpannedEmbedding;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.embeddings.TextKind;
import io.jobmatch.embeddings.TextSpan;
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
     * Passages are embedded when enabled in configuration: hybrid search ranks with them, highlights show them. Each
     * is one more text for the model, unless late chunking is on: then they come from the offers' own forward passes.
     */
    public List<IndexedOffer> compute(List<Offer> offers) {
        List<String> texts = offers.stream().map(Offer::searchableText).toList();
        List<float[]> dense;
        List<OfferPassages> offerPassages;
        if (!passages.enabled()) {
            dense = engine.embedDocuments(texts).stream()
                    .map(TextEmbedding::vector)
                    .toList();
            offerPassages = offers.stream().map(offer -> OfferPassages.NONE).toList();
        } else if (passages.lateChunking()) {
            List<List<PassageSplitter.Passage>> split = offers.stream()
                    .map(offer -> PassageSplitter.passages(offer.description(), offer.language(), passages.max()))
                    .toList();
            List<SpannedEmbedding> embedded = engine.embedDocumentsWithSpans(texts, spans(texts, offers, split));
            dense = embedded.stream().map(e -> e.document().vector()).toList();
            offerPassages = new ArrayList<>(offers.size());
            for (int i = 0; i < offers.size(); i++) {
                offerPassages.add(new OfferPassages(
                        split.get(i).stream().map(PassageSplitter.Passage::text).toList(),
                        embedded.get(i).spanVectors()));
            }
        } else {
            dense = engine.embedDocuments(texts).stream()
                    .map(TextEmbedding::vector)
                    .toList();
            offerPassages = embedPassages(offers);
        }
        List<IndexedOffer> indexed = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            indexed.add(new IndexedOffer(
                    offer,
                    dense.get(i),
                    keywords.document(offer.title(), offer.description(), offer.language()),
                    offerPassages.get(i)));
        }
        return indexed;
    }

    /** Each passage's characters in the text the model reads, which ends with the description. */
    private static List<List<TextSpan>> spans(
            List<String> texts, List<Offer> offers, List<List<PassageSplitter.Passage>> split) {
        List<List<TextSpan>> spans = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            int descriptionStart =
                    texts.get(i).length() - offers.get(i).description().length();
            spans.add(split.get(i).stream()
                    .map(p -> new TextSpan(descriptionStart + p.start(), descriptionStart + p.end()))
                    .toList());
        }
        return spans;
    }

    /**
     * Without late chunking, all offers' passages go to the engine in one call, so its length-grouped batching sees
     * all of them. They are embedded as queries, not as documents: a passage is compared with a CV window or a job
     * title, text of the same kind, and e5 models are trained to compare such symmetric pairs with the query prefix
     * on both sides (it measured better than the document prefix, e5's "passage: ", docs/search-quality.md).
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
