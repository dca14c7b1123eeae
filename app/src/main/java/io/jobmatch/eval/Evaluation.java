package io.jobmatch.eval;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.index.OfferVectors;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.search.Retriever;
import io.jobmatch.search.SearchMode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Entry point of the evaluation feature. The corpus becomes open offers in this context's collection (the caller
 * gives it a throw-away name, and {@link #run} deletes it at the end), indexed with the same vectors as live offers;
 * every query is ranked by {@link Retriever}, the ranking half of {@code POST /api/search}, with its own language as
 * the filter. Only the reload of the ranked offers from PostgreSQL, which never reorders, is not exercised.
 */
@Singleton
public class Evaluation {

    private static final int INDEX_BATCH = 64;
    private static final Duration OPTIMISE_TIMEOUT = Duration.ofMinutes(10);

    private final OfferVectors vectors;
    private final OfferIndex index;
    private final Retriever retriever;
    private final EmbeddingEngine engine;
    private final RankingSettings settings;

    public Evaluation(
            OfferVectors vectors,
            OfferIndex index,
            Retriever retriever,
            EmbeddingEngine engine,
            RankingSettings settings) {
        this.vectors = vectors;
        this.index = index;
        this.retriever = retriever;
        this.engine = engine;
        this.settings = settings;
    }

    /**
     * @param progress receives one line now and then while indexing and searching (the command prints it on stderr)
     */
    public EvalReport run(String datasetName, EvalDataset dataset, List<SearchMode> modes, Consumer<String> progress) {
        index.ensureCollection();
        try {
            Map<UUID, EvalDocument> documents = new HashMap<>();
            long started = System.nanoTime();
            indexCorpus(dataset.documents(), documents, progress);
            progress.accept("waiting for Qdrant to finish optimising the collection");
            if (!index.awaitOptimised(OPTIMISE_TIMEOUT)) {
                progress.accept(
                        "Qdrant is still optimising after " + OPTIMISE_TIMEOUT.toMinutes() + " min; searching anyway");
            }
            double indexingSeconds = (System.nanoTime() - started) / 1e9;
            List<ModeReport> reports = new ArrayList<>();
            for (SearchMode mode : modes) {
                reports.add(evaluate(dataset, mode, documents, progress));
            }
            return new EvalReport(
                    datasetName,
                    engine.manifest().name(),
                    engine.manifest().multilingual(),
                    LocalDate.now().toString(),
                    dataset.documents().size(),
                    round(indexingSeconds),
                    settings.describe(),
                    reports);
        } finally {
            index.drop();
        }
    }

    private void indexCorpus(List<EvalDocument> corpus, Map<UUID, EvalDocument> documents, Consumer<String> progress) {
        long started = System.nanoTime();
        int truncated = 0;
        for (int from = 0; from < corpus.size(); from += INDEX_BATCH) {
            List<Offer> batch = new ArrayList<>(INDEX_BATCH);
            for (EvalDocument document : corpus.subList(from, Math.min(corpus.size(), from + INDEX_BATCH))) {
                Offer offer = asOffer(document);
                truncated += offer.description().length() < document.text().length() ? 1 : 0;
                documents.put(offer.id(), document);
                batch.add(offer);
            }
            index.upsert(vectors.compute(batch));
            int done = Math.min(corpus.size(), from + INDEX_BATCH);
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.accept(String.format(
                    "indexed %d/%d documents (%.0f/s, about %.0f s left)",
                    done, corpus.size(), done / seconds, (corpus.size() - done) * seconds / done));
        }
        if (truncated > 0) {
            progress.accept(truncated + " documents longer than the API accepts were cut to its limit");
        }
    }

    private ModeReport evaluate(
            EvalDataset dataset, SearchMode mode, Map<UUID, EvalDocument> documents, Consumer<String> progress) {
        Map<String, List<QueryScores>> byLanguage = new LinkedHashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        dataset.queryLanguages().forEach(language -> byLanguage.put(language, new ArrayList<>()));
        int done = 0;
        for (EvalQuery query : dataset.queries()) {
            long started = System.nanoTime();
            List<IndexHit> hits = retriever
                    .rank(
                            query.text(),
                            IndexFilter.open(query.language(), OfferCriteria.ANY),
                            mode,
                            QueryScores.DEPTH,
                            0)
                    .hits();
            seconds.merge(query.language(), (System.nanoTime() - started) / 1e9, Double::sum);
            List<String> ranked = new ArrayList<>(hits.size());
            List<String> languages = new ArrayList<>(hits.size());
            for (IndexHit hit : hits) {
                EvalDocument document = documents.get(hit.offerId());
                ranked.add(document.id());
                languages.add(document.language());
            }
            byLanguage.get(query.language()).add(QueryScores.of(ranked, languages, query.language(), query.relevant()));
            if (++done % 250 == 0 || done == dataset.queries().size()) {
                progress.accept(String.format(
                        "mode=%s: searched %d/%d queries",
                        mode.id(), done, dataset.queries().size()));
            }
        }
        List<LanguageScores> languages = new ArrayList<>();
        byLanguage.forEach((language, scores) ->
                languages.add(LanguageScores.of(language, scores, seconds.getOrDefault(language, 0.0))));
        double total =
                seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return new ModeReport(mode.id(), languages, LanguageScores.macro(languages, total));
    }

    /** A corpus document as an open offer; its id is derived from the document id, so reruns name it the same. */
    private static Offer asOffer(EvalDocument document) {
        UUID id = UUID.nameUUIDFromBytes(("eval:" + document.id()).getBytes(StandardCharsets.UTF_8));
        int room = EmbeddingEngine.MAX_TEXT_CHARS - document.title().length() - 1;
        String description = document.text().length() > room ? document.text().substring(0, room) : document.text();
        return Offer.textOnly(
                id, "eval", document.id(), document.title(), description, document.language(), Instant.now());
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
