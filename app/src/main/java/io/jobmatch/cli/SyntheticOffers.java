package io.jobmatch.cli;

import io.jobmatch.index.IndexedOffer;
import io.jobmatch.index.OfferPassages;
import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.offers.Salary;
import io.jobmatch.offers.SalaryPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A made-up corpus for measuring search cost, not quality: offers ready to upsert (no model involved) and queries
 * against them, all drawn from one seed. Dense vectors lie around anchors, as embeddings of job ads gather by
 * occupation, so a query has a real neighbourhood to search: random directions for bench-facets, real embedded offers
 * for bench-search ({@link RealAnchors}), which then also lend their keyword and passage vectors. Keyword vectors
 * add terms from a vocabulary with a long tail. The payload fields are skewed like a job board's.
 * <p>
 * Offer {@code n} and query {@code n} each come from a random generator of their own, seeded from the seed and
 * {@code n}: a load that stops half-way resumes with exactly the offers it would have made.
 */
final class SyntheticOffers {

    /** Offers are posted over the year up to this day; fixed, so a seed gives the same corpus any day. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

    /**
     * The payload's spread of languages and countries, and the keyword vocabulary per language.
     *
     * @param languageWeights running sums of the languages' relative weights ({@link #cumulative})
     */
    record Mix(
            List<String> languages,
            double[] languageWeights,
            List<String> countries,
            double[] countryWeights,
            int vocabulary) {}

    /** A board in six languages and thirty countries (bench-facets). */
    static final Mix BOARD = new Mix(
            List.of("en", "fr", "de", "es", "it", "nl"),
            cumulative(40, 20, 15, 12, 8, 5),
            List.of(
                    "US", "GB", "FR", "DE", "ES", "IT", "NL", "BE", "CH", "CA", "IE", "AT", "PT", "SE", "PL", "DK",
                    "NO", "FI", "LU", "AU", "IN", "BR", "MX", "AR", "CZ", "RO", "GR", "HU", "SG", "NZ"),
            zipf(30),
            2_000);

    /** A large international board: thirty languages and a hundred countries, each Zipf-skewed (bench-search). */
    static final Mix LARGE_BOARD = new Mix(
            List.of(
                    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "no", "fi", "cs", "ro", "hu", "el",
                    "tr", "ru", "uk", "ja", "zh", "ko", "ar", "he", "hi", "id", "vi", "th", "bg", "hr"),
            zipf(30),
            List.of(
                    "US", "DE", "GB", "FR", "IN", "ES", "IT", "NL", "CA", "BR", "PL", "AU", "CH", "SE", "BE", "AT",
                    "MX", "JP", "CN", "IE", "PT", "DK", "NO", "FI", "CZ", "RO", "HU", "GR", "TR", "SG", "AR", "CL",
                    "CO", "PE", "ZA", "NG", "KE", "EG", "MA", "AE", "SA", "IL", "UA", "RU", "KR", "TW", "HK", "TH",
                    "VN", "ID", "MY", "PH", "NZ", "LU", "SK", "SI", "HR", "BG", "RS", "LT", "LV", "EE", "IS", "MT",
                    "CY", "BA", "AL", "MK", "ME", "MD", "BY", "GE", "AM", "AZ", "KZ", "UZ", "PK", "BD", "LK", "NP",
                    "QA", "KW", "BH", "OM", "JO", "LB", "TN", "DZ", "GH", "CI", "SN", "TZ", "UG", "ET", "CR", "PA",
                    "UY", "PY", "EC", "DO"),
            zipf(100),
            50_000);

    /** Where offers gather: a direction, and the keyword and passage vectors of the offer it was taken from. */
    record Anchor(float[] vector, KeywordVector keywords, List<float[]> passages) {}

    private static final List<String> CITIES = List.of(
            "Paris",
            "Lyon",
            "Besançon",
            "Orléans",
            "Genève",
            "Zürich",
            "Münster",
            "Düsseldorf",
            "Köln",
            "Málaga",
            "Córdoba",
            "São Paulo",
            "Kraków",
            "Łódź",
            "Liège",
            "Göteborg",
            "Reykjavík",
            "Brașov",
            "Berlin",
            "Madrid",
            "Milano",
            "Amsterdam",
            "London",
            "New York");
    private static final double[] CITY_WEIGHTS = zipf(CITIES.size());

    private static final EmploymentType[] TYPES = EmploymentType.values();
    /** In declaration order: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER. */
    private static final double[] TYPE_WEIGHTS = cumulative(55, 15, 12, 8, 5, 1, 2, 2);

    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP");
    private static final double[] CURRENCY_WEIGHTS = cumulative(60, 25, 15);
    private static final SalaryPeriod[] PERIODS = {SalaryPeriod.YEAR, SalaryPeriod.MONTH, SalaryPeriod.HOUR};
    private static final double[] PERIOD_WEIGHTS = cumulative(60, 30, 10);

    private static final int RANDOM_ANCHORS = 300;
    /**
     * How far an offer strays from a random anchor: cosine to it about 0.8 at 384 dimensions. Around real offers,
     * whose embeddings are already close to one another (e5 puts unrelated job ads at a cosine near 0.75), half as
     * far: cosine about 0.93.
     */
    private static final double RANDOM_SPREAD = 0.04;

    private static final double REAL_SPREAD = 0.02;
    /** Keyword ids of the made-up vocabulary start here, clear of the hashed ids of real terms' small values. */
    private static final int VOCABULARY_BASE = 1 << 30;

    private final Mix mix;
    private final List<Anchor> anchors;
    private final double spread;
    private final long seed;
    private final double[] termWeights;
    private int offersMade;
    private int queriesMade;

    /** Offers around random directions, without passages: the bench-facets corpus. */
    SyntheticOffers(int dimension, long seed) {
        this(BOARD, randomAnchors(dimension, seed), RANDOM_SPREAD, seed);
    }

    /** Offers around real embedded offers, with their passages: the bench-search corpus. */
    SyntheticOffers(Mix mix, List<Anchor> anchors, long seed) {
        this(mix, anchors, REAL_SPREAD, seed);
    }

    private SyntheticOffers(Mix mix, List<Anchor> anchors, double spread, long seed) {
        this.mix = mix;
        this.anchors = List.copyOf(anchors);
        this.spread = spread;
        this.seed = seed;
        this.termWeights = zipf(mix.vocabulary());
    }

    /** One query: its language drawn with the offers' skew, a vector near an anchor, keywords. */
    record Query(String language, float[] vector, KeywordVector keywords) {}

    /** The next query. */
    Query query() {
        return query(queriesMade++);
    }

    /** Query {@code n}: the same for the same seed, whichever were made before. */
    Query query(int n) {
        SplittableRandom random = random(~n);
        String language = mix.languages().get(pick(random, mix.languageWeights()));
        Anchor anchor = anchors.get(random.nextInt(anchors.size()));
        // A CV shares some of its offer's words (a third of them here) and has a few of its own.
        return new Query(
                language,
                around(random, anchor.vector(), spread),
                keywords(random, anchor.keywords(), 0.3, 3, language, false));
    }

    /** The next offer of the corpus. */
    IndexedOffer offer() {
        return offer(offersMade++);
    }

    /** Offer {@code n}: the same for the same seed, whichever were made before. */
    IndexedOffer offer(long n) {
        SplittableRandom random = random(n);
        Salary salary = random.nextDouble() < 0.7 ? salary(random) : null;
        double remote = random.nextDouble();
        String language = mix.languages().get(pick(random, mix.languageWeights()));
        Offer offer = new Offer(
                new UUID(0x5eed, n),
                "bench",
                "bench-" + n,
                "Synthetic offer " + n,
                "Made up for a benchmark.",
                language,
                null,
                mix.countries().get(pick(random, mix.countryWeights())),
                CITIES.get(pick(random, CITY_WEIGHTS)),
                "Company " + random.nextInt(2_000),
                TYPES[pick(random, TYPE_WEIGHTS)],
                remote < 0.25 ? Boolean.TRUE : remote < 0.8 ? Boolean.FALSE : null,
                salary,
                LAST_DAY.minusDays(random.nextInt(365)),
                null,
                null,
                random.nextDouble() < 0.8 ? OfferStatus.OPEN : OfferStatus.CLOSED,
                null,
                null);
        Anchor anchor = anchors.get(random.nextInt(anchors.size()));
        float[] vector = around(random, anchor.vector(), spread);
        int ownTerms = anchor.keywords().isEmpty() ? 20 + random.nextInt(30) : 5 + random.nextInt(10);
        KeywordVector keywords = keywords(random, anchor.keywords(), 0.7, ownTerms, language, true);
        List<float[]> passages = new ArrayList<>(anchor.passages().size());
        for (float[] passage : anchor.passages()) {
            passages.add(around(random, passage, spread));
        }
        // Texts are what highlights show, not what search reads: short placeholders, so the payload is not inflated.
        OfferPassages offerPassages = passages.isEmpty()
                ? OfferPassages.NONE
                : new OfferPassages(passages.stream().map(passage -> "passage").toList(), passages);
        return new IndexedOffer(offer, vector, keywords, offerPassages);
    }

    private SplittableRandom random(long n) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    }

    /** A yearly amount around 45,000 (log-normal), quoted per a drawn period, its minimum 15 % below. */
    private static Salary salary(SplittableRandom random) {
        SalaryPeriod period = PERIODS[pick(random, PERIOD_WEIGHTS)];
        double perYear = 45_000 * Math.exp(0.4 * random.nextGaussian());
        BigDecimal max = BigDecimal.valueOf(perYear)
                .divide(period.perYear(BigDecimal.ONE), 0, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE);
        BigDecimal min = max.multiply(BigDecimal.valueOf(0.85)).setScale(0, RoundingMode.HALF_UP);
        return new Salary(min, max, CURRENCIES.get(pick(random, CURRENCY_WEIGHTS)), period);
    }

    /**
     * Each of the anchor's terms kept with probability {@code kept}, plus {@code own} distinct terms drawn from the
     * language's vocabulary with its long tail; a document's weights vary like saturated term frequencies, a query's
     * are 1 as in {@code Keywords.query}.
     */
    private KeywordVector keywords(
            SplittableRandom random, KeywordVector anchor, double kept, int own, String language, boolean document) {
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int index : anchor.indices()) {
            if (random.nextDouble() < kept) {
                chosen.add(index);
            }
        }
        int base = VOCABULARY_BASE + mix.languages().indexOf(language) * mix.vocabulary();
        for (int added = 0; added < own; ) {
            if (chosen.add(base + pick(random, termWeights))) {
                added++;
            }
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = document ? 0.5f + random.nextFloat() * 1.5f : 1f;
        }
        return new KeywordVector(indices, values);
    }

    private static List<Anchor> randomAnchors(int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        KeywordVector none = new KeywordVector(new int[0], new float[0]);
        List<Anchor> anchors = new ArrayList<>(RANDOM_ANCHORS);
        for (int i = 0; i < RANDOM_ANCHORS; i++) {
            anchors.add(new Anchor(around(random, new float[dimension], 1), none, List.of()));
        }
        return anchors;
    }

    /** A unit vector: {@code centre} plus Gaussian noise of {@code spread} per dimension (a zero centre: uniform). */
    static float[] around(SplittableRandom random, float[] centre, double spread) {
        float[] vector = new float[centre.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (centre[i] + random.nextGaussian() * spread);
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /** An index drawn with the relative weights whose running sums are {@code cumulative}. */
    static int pick(SplittableRandom random, double[] cumulative) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(cumulative.length - 1, found >= 0 ? found + 1 : -found - 1);
    }

    /** Running sums of relative weights, the form {@link #pick} draws from in logarithmic time. */
    private static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }

    /** Weights 1, 1/2, 1/3...: a few values common, a long tail rare. */
    private static double[] zipf(int size) {
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            weights[i] = 1.0 / (i + 1);
        }
        return cumulative(weights);
    }
}
