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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A made-up corpus for measuring search cost, not quality: offers ready to upsert (no model involved) and queries
 * against them, all drawn from one seed. Dense vectors lie around a few hundred cluster centres, as embeddings of
 * job ads gather by occupation, so a query has a real neighbourhood to search; keyword vectors come from a small
 * vocabulary with a long tail. Offers have no passages: filters and facets never read them, and the hybrid formula
 * scores a missing passage vector as 0 at the same request shape. The payload fields are skewed like a job board's.
 */
final class SyntheticOffers {

    /** Offers are posted over the year up to this day; fixed, so a seed gives the same corpus any day. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "nl");
    private static final double[] LANGUAGE_WEIGHTS = cumulative(40, 20, 15, 12, 8, 5);

    private static final List<String> COUNTRIES = List.of(
            "US", "GB", "FR", "DE", "ES", "IT", "NL", "BE", "CH", "CA", "IE", "AT", "PT", "SE", "PL", "DK", "NO", "FI",
            "LU", "AU", "IN", "BR", "MX", "AR", "CZ", "RO", "GR", "HU", "SG", "NZ");
    private static final double[] COUNTRY_WEIGHTS = zipf(COUNTRIES.size());

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

    private static final int CLUSTERS = 300;
    private static final int VOCABULARY = 2_000;
    private static final double[] TERM_WEIGHTS = zipf(VOCABULARY);
    /** How far an offer strays from its cluster centre: cosine to the centre about 0.8 at 384 dimensions. */
    private static final double SPREAD = 0.04;

    private final int dimension;
    private final Random random;
    private final float[][] centres;
    private int made;

    SyntheticOffers(int dimension, long seed) {
        this.dimension = dimension;
        this.random = new Random(seed);
        this.centres = new float[CLUSTERS][];
        for (int i = 0; i < CLUSTERS; i++) {
            centres[i] = around(null, 1);
        }
    }

    /** One query: its language drawn with the offers' skew, a vector near a random centre, a few keywords. */
    record Query(String language, float[] vector, KeywordVector keywords) {}

    Query query() {
        return new Query(
                LANGUAGES.get(pick(LANGUAGE_WEIGHTS)),
                around(centres[random.nextInt(CLUSTERS)], SPREAD),
                keywords(3, false));
    }

    /** The next offer of the corpus. */
    IndexedOffer offer() {
        int n = made++;
        Salary salary = random.nextDouble() < 0.7 ? salary() : null;
        double remote = random.nextDouble();
        Offer offer = new Offer(
                new UUID(0x5eed, n),
                "bench",
                "bench-" + n,
                "Synthetic offer " + n,
                "Made up for bench-facets.",
                LANGUAGES.get(pick(LANGUAGE_WEIGHTS)),
                null,
                COUNTRIES.get(pick(COUNTRY_WEIGHTS)),
                CITIES.get(pick(CITY_WEIGHTS)),
                "Company " + random.nextInt(2_000),
                TYPES[pick(TYPE_WEIGHTS)],
                remote < 0.25 ? Boolean.TRUE : remote < 0.8 ? Boolean.FALSE : null,
                salary,
                LAST_DAY.minusDays(random.nextInt(365)),
                null,
                null,
                random.nextDouble() < 0.8 ? OfferStatus.OPEN : OfferStatus.CLOSED,
                null,
                null);
        return new IndexedOffer(
                offer,
                around(centres[random.nextInt(CLUSTERS)], SPREAD),
                keywords(20 + random.nextInt(30), true),
                OfferPassages.NONE);
    }

    /** A yearly amount around 45,000 (log-normal), quoted per a drawn period, its minimum 15 % below. */
    private Salary salary() {
        SalaryPeriod period = PERIODS[pick(PERIOD_WEIGHTS)];
        double perYear = 45_000 * Math.exp(0.4 * random.nextGaussian());
        BigDecimal max = BigDecimal.valueOf(perYear)
                .divide(period.perYear(BigDecimal.ONE), 0, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE);
        BigDecimal min = max.multiply(BigDecimal.valueOf(0.85)).setScale(0, RoundingMode.HALF_UP);
        return new Salary(min, max, CURRENCIES.get(pick(CURRENCY_WEIGHTS)), period);
    }

    /**
     * Distinct terms drawn with the vocabulary's long tail; a document's weights vary like saturated term
     * frequencies, a query's are 1 as in {@code Keywords.query}.
     */
    private KeywordVector keywords(int terms, boolean document) {
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < terms) {
            chosen.add(pick(TERM_WEIGHTS));
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = document ? 0.5f + random.nextFloat() * 1.5f : 1f;
        }
        return new KeywordVector(indices, values);
    }

    /** A unit vector: uniform on the sphere when {@code centre} is null, else the centre plus Gaussian noise. */
    private float[] around(float[] centre, double spread) {
        float[] vector = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            double noise = random.nextGaussian() * spread;
            vector[i] = (float) (centre == null ? noise : centre[i] + noise);
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /** An index drawn with the relative weights whose running sums are {@code cumulative}. */
    private int pick(double[] cumulative) {
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
