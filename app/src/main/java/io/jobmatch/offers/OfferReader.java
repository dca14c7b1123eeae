package io.jobmatch.offers;

import io.jobmatch.web.FieldError;
import io.jobmatch.web.JsonFields;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates one offer from JSON. Every bad field is reported, by name, in one pass; the limits here are the
 * documented API limits (README, "Offer fields").
 */
public final class OfferReader {

    public static final int MAX_TITLE = 300;
    /** Title, newline and description must fit the embedding engine's 20,000-character limit together. */
    public static final int MAX_DESCRIPTION = 19_000;
    public static final int MAX_EXTERNAL_ID = 200;
    public static final int MAX_SOURCE = 64;
    public static final int MAX_CITY = 120;
    public static final int MAX_COMPANY = 200;
    public static final int MAX_URL = 2_000;
    public static final String DEFAULT_SOURCE = "default";

    private static final Pattern SOURCE_PATTERN = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern CONTROL_CHARS = Pattern.compile("\\p{Cntrl}");
    /** Read-only fields a client may send back unchanged after a GET; they are ignored, not errors. */
    private static final Set<String> FIELDS = Set.of("source", "externalId", "title", "description", "language",
            "country", "city", "company", "employmentType", "remote", "salary", "datePosted", "validThrough", "url",
            "status", "id", "languageConfidence", "createdAt", "updatedAt");
    private static final Set<String> SALARY_FIELDS = Set.of("min", "max", "currency", "period");

    private OfferReader() {
    }

    /** The valid draft (its language null when none was given), or what is wrong with it (never both). */
    public record Result(OfferDraft draft, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result read(JsonNode node) {
        JsonFields json = JsonFields.of(node, "");
        if (!json.isObject()) {
            return new Result(null, json.errors());
        }
        json.rejectUnknown(FIELDS);
        String source = source(json);
        String externalId = externalId(json);
        String title = json.requiredText("title", MAX_TITLE);
        String description = json.requiredText("description", MAX_DESCRIPTION);
        String language = language(json);
        String country = country(json);
        String city = json.text("city", MAX_CITY);
        String company = json.text("company", MAX_COMPANY);
        EmploymentType employmentType = constant(json, "employmentType", EmploymentType.class);
        Boolean remote = json.bool("remote");
        Salary salary = salary(json);
        LocalDate datePosted = date(json, "datePosted");
        LocalDate validThrough = date(json, "validThrough");
        if (datePosted != null && validThrough != null && validThrough.isBefore(datePosted)) {
            json.error("validThrough", "must not be before datePosted");
        }
        String url = url(json);
        OfferStatus status = constant(json, "status", OfferStatus.class);
        if (!json.errors().isEmpty()) {
            return new Result(null, json.errors());
        }
        return new Result(new OfferDraft(source, externalId, title, description, language, null, country, city, company,
                employmentType, remote, salary, datePosted, validThrough, url,
                status == null ? OfferStatus.OPEN : status), List.of());
    }

    private static String source(JsonFields json) {
        String source = json.text("source", MAX_SOURCE);
        if (source == null) {
            return DEFAULT_SOURCE;
        }
        if (!SOURCE_PATTERN.matcher(source).matches()) {
            json.error("source", "may only contain letters, digits, '.', '_' and '-'");
        }
        return source;
    }

    private static String externalId(JsonFields json) {
        String externalId = json.requiredText("externalId", MAX_EXTERNAL_ID);
        if (externalId != null && CONTROL_CHARS.matcher(externalId).find()) {
            json.error("externalId", "must not contain control characters");
        }
        return externalId;
    }

    private static String language(JsonFields json) {
        String language = json.text("language", 8);
        if (language == null) {
            return null;
        }
        String code = IsoCodes.language(language);
        if (code == null) {
            json.error("language", IsoCodes.notALanguage(language));
        }
        return code;
    }

    private static String country(JsonFields json) {
        String country = json.text("country", 8);
        if (country == null) {
            return null;
        }
        String code = IsoCodes.country(country);
        if (code == null) {
            json.error("country", IsoCodes.notACountry(country));
        }
        return code;
    }

    private static Salary salary(JsonFields json) {
        JsonFields salary = json.object("salary");
        if (salary == null) {
            return null;
        }
        salary.rejectUnknown(SALARY_FIELDS);
        BigDecimal min = amount(salary, "min");
        BigDecimal max = amount(salary, "max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            salary.error("max", "must not be less than min");
        }
        if (salary.absent("min") && salary.absent("max")) {
            salary.error("min", "min or max is required in a salary");
        }
        String currency = currency(salary);
        SalaryPeriod period = constant(salary, "period", SalaryPeriod.class);
        return new Salary(min, max, currency, period);
    }

    private static BigDecimal amount(JsonFields salary, String name) {
        BigDecimal amount = salary.decimal(name);
        if (amount != null && (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0)) {
            salary.error(name, "must be between 0 and 1000000000");
            return null;
        }
        return amount;
    }

    private static String currency(JsonFields salary) {
        String currency = salary.text("currency", 8);
        if (currency == null) {
            salary.error("currency", "is required in a salary");
            return null;
        }
        String normalised = currency.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(normalised);
        } catch (IllegalArgumentException e) {
            salary.error("currency", "must be an ISO 4217 currency code (got '" + currency + "')");
        }
        return normalised;
    }

    private static LocalDate date(JsonFields json, String name) {
        String text = json.text(name, 32);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            json.error(name, "must be a date as YYYY-MM-DD (got '" + text + "')");
            return null;
        }
    }

    private static String url(JsonFields json) {
        String url = json.text("url", MAX_URL);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                json.error("url", "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            json.error("url", "must be an absolute http or https URL");
        }
        return url;
    }

    private static <E extends Enum<E>> E constant(JsonFields json, String name, Class<E> type) {
        String text = json.text(name, 32);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            json.error(name, "must be one of " + List.of(type.getEnumConstants()) + " (got '" + text + "')");
            return null;
        }
    }
}
