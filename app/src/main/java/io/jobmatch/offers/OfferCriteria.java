package io.jobmatch.offers;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a searcher narrows offers to, besides language and status; every criterion that is set must hold (AND), an
 * unset one (null, no employment types) narrows nothing. The vector index applies the same criteria to its copy of
 * the offers, and {@link #matches} re-checks them on the stored offer.
 *
 * @param country         ISO 3166-1 alpha-2 (kept upper case)
 * @param remote          the offer's {@code remote} flag must equal it (an offer without one matches neither)
 * @param employmentTypes the offer's employment type must be one of them
 * @param postedAfter     the offer was posted on or after this day (an offer without {@code datePosted} does not match)
 * @param city            the offer's city must have the same {@linkplain #cityKey(String) key} (kept as its key)
 * @param minSalary       the offer must pay at least this ({@link MinimumSalary#isMetBy})
 */
public record OfferCriteria(
        String country,
        Boolean remote,
        Set<EmploymentType> employmentTypes,
        LocalDate postedAfter,
        String city,
        MinimumSalary minSalary) {

    public static final OfferCriteria ANY = new OfferCriteria(null, null, Set.of(), null, null, null);

    public OfferCriteria {
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        city = cityKey(city);
        employmentTypes = employmentTypes == null || employmentTypes.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(employmentTypes));
    }

    public static OfferCriteria inCountry(String country) {
        return new OfferCriteria(country, null, Set.of(), null, null, null);
    }

    public boolean matches(Offer offer) {
        return (country == null || country.equals(offer.country()))
                && (remote == null || remote.equals(offer.remote()))
                && (employmentTypes.isEmpty() || employmentTypes.contains(offer.employmentType()))
                && (postedAfter == null
                        || (offer.datePosted() != null && !offer.datePosted().isBefore(postedAfter)))
                && (city == null || city.equals(cityKey(offer.city())))
                && (minSalary == null || minSalary.isMetBy(offer.salary()));
    }

    public OfferCriteria withoutCountry() {
        return new OfferCriteria(null, remote, employmentTypes, postedAfter, city, minSalary);
    }

    public OfferCriteria withoutRemote() {
        return new OfferCriteria(country, null, employmentTypes, postedAfter, city, minSalary);
    }

    public OfferCriteria withoutEmploymentTypes() {
        return new OfferCriteria(country, remote, Set.of(), postedAfter, city, minSalary);
    }

    /**
     * The form a city is compared in, for offers and filters alike: lower case, accents removed (decomposed, then
     * the combining marks dropped), spaces collapsed; so {@code munster} finds {@code Münster}. Null for null.
     */
    public static String cityKey(String city) {
        if (city == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(city, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
