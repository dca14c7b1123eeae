package io.jobmatch.pages;

import io.jobmatch.offers.Offer;
import io.jobmatch.offers.Salary;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * An offer as a page shows it, formatted for the page's locale: country and language names, salary amounts and
 * dates. The template escapes every field; nothing here is trusted HTML.
 *
 * @param place          city and country name, either may be missing
 * @param employmentType the enum name, which the template turns into a translated label
 * @param salary         the amount or range with its currency, or null
 * @param salaryPeriod   HOUR, MONTH, YEAR, or null
 * @param status         OPEN or CLOSED
 */
public record OfferView(
        String id,
        String title,
        String company,
        String place,
        Boolean remote,
        String employmentType,
        String salary,
        String salaryPeriod,
        String datePosted,
        String url,
        String status,
        String language,
        String languageName,
        String source,
        String description) {

    static OfferView of(Offer offer, Locale locale) {
        return new OfferView(
                offer.id().toString(),
                offer.title(),
                offer.company(),
                place(offer, locale),
                offer.remote(),
                offer.employmentType() == null ? null : offer.employmentType().name(),
                salary(offer.salary(), locale),
                offer.salary() == null || offer.salary().period() == null
                        ? null
                        : offer.salary().period().name(),
                offer.datePosted() == null
                        ? null
                        : offer.datePosted()
                                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                        .withLocale(locale)),
                offer.url(),
                offer.status().name(),
                offer.language(),
                Locale.forLanguageTag(offer.language()).getDisplayLanguage(locale),
                offer.source(),
                offer.description());
    }

    public boolean closed() {
        return "CLOSED".equals(status);
    }

    static String countryName(String code, Locale locale) {
        return Locale.of("", code).getDisplayCountry(locale);
    }

    private static String place(Offer offer, Locale locale) {
        StringJoiner place = new StringJoiner(", ");
        if (offer.city() != null) {
            place.add(offer.city());
        }
        if (offer.country() != null) {
            place.add(countryName(offer.country(), locale));
        }
        return place.length() == 0 ? null : place.toString();
    }

    private static String salary(Salary salary, Locale locale) {
        if (salary == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(salary.currency()));
        format.setMaximumFractionDigits(hasCents(salary) ? 2 : 0);
        if (salary.min() != null && salary.max() != null && salary.min().compareTo(salary.max()) != 0) {
            return format.format(salary.min()) + " – " + format.format(salary.max());
        }
        return format.format(salary.max() != null ? salary.max() : salary.min());
    }

    private static boolean hasCents(Salary salary) {
        return hasCents(salary.min()) || hasCents(salary.max());
    }

    private static boolean hasCents(BigDecimal amount) {
        return amount != null && amount.stripTrailingZeros().scale() > 0;
    }
}
