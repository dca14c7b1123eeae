package io.jobmatch.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * schema.org {@code JobPosting} (JSON-LD) to the offer fields of {@code POST /api/offers}, as README's "File import"
 * table says. Values are carried over as found and the service validates them: a posting without an identifier or a
 * title is refused by the service, naming the offer field. JSON objects that are not JobPostings pass unchanged:
 * they are offers already.
 */
final class JobPostings {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Map<String, String> PERIODS = Map.of(
            "HOUR",
            "HOUR",
            "HOURLY",
            "HOUR",
            "MONTH",
            "MONTH",
            "MONTHLY",
            "MONTH",
            "YEAR",
            "YEAR",
            "YEARLY",
            "YEAR",
            "ANNUAL",
            "YEAR",
            "ANNUALLY",
            "YEAR");

    private JobPostings() {}

    /**
     * The offers a JSON object holds: a JobPosting mapped, the JobPostings of an {@code @graph} (other nodes left
     * out), or the object itself when it is neither (unless {@code postingsOnly}, as in an HTML page's scripts).
     */
    static List<ObjectNode> offers(ObjectNode node, boolean postingsOnly) {
        JsonNode graph = node.get("@graph");
        if (graph != null && graph.isArray()) {
            List<ObjectNode> offers = new ArrayList<>();
            for (JsonNode member : graph) {
                if (member instanceof ObjectNode posting && isJobPosting(posting)) {
                    offers.add(toOffer(posting));
                }
            }
            return offers;
        }
        if (isJobPosting(node)) {
            return List.of(toOffer(node));
        }
        return postingsOnly ? List.of() : List.of(node);
    }

    static boolean isJobPosting(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        for (JsonNode value : type.isArray() ? type : List.of(type)) {
            String name = value.asText();
            if (name.equals("JobPosting") || name.endsWith("/JobPosting") || name.endsWith(":JobPosting")) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode toOffer(ObjectNode posting) {
        ObjectNode offer = posting.objectNode();
        put(offer, "externalId", identifier(first(posting.get("identifier"))));
        put(offer, "title", plain(text(posting.get("title"))));
        put(offer, "description", plain(text(posting.get("description"))));
        put(offer, "language", language(first(posting.get("inLanguage"))));
        JsonNode address = first(first(posting.get("jobLocation")).path("address"));
        put(offer, "city", text(address.get("addressLocality")));
        put(offer, "country", country(first(address.get("addressCountry"))));
        put(offer, "company", nameOf(first(posting.get("hiringOrganization"))));
        put(offer, "employmentType", employmentType(first(posting.get("employmentType"))));
        if (telecommute(posting.get("jobLocationType"))) {
            offer.put("remote", true);
        }
        salary(first(posting.get("baseSalary")), offer);
        put(offer, "datePosted", day(text(posting.get("datePosted"))));
        put(offer, "validThrough", day(text(posting.get("validThrough"))));
        put(offer, "url", text(posting.get("url")));
        return offer;
    }

    private static String identifier(JsonNode identifier) {
        if (identifier.isObject()) {
            return text(identifier.has("value") ? identifier.get("value") : identifier.get("@value"));
        }
        return text(identifier);
    }

    /** {@code inLanguage} is a BCP 47 tag ({@code fr-FR}) or a Language; offers hold the ISO 639-1 part. */
    private static String language(JsonNode language) {
        String tag = language.isObject() ? text(language.get("alternateName")) : text(language);
        return tag == null ? null : tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    private static String country(JsonNode country) {
        String value = country.isObject() ? text(country.get("identifier")) : text(country);
        if (value == null && country.isObject()) {
            value = text(country.get("name"));
        }
        return value == null ? null : CountryCodes.alpha2(value);
    }

    private static String nameOf(JsonNode organization) {
        return organization.isObject() ? text(organization.get("name")) : text(organization);
    }

    /** schema.org's values are the offer's ({@code FULL_TIME}); feeds also write {@code full-time}. */
    private static String employmentType(JsonNode type) {
        String value = text(type);
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT).replaceAll("[-\\s]+", "_");
    }

    private static boolean telecommute(JsonNode type) {
        if (type == null) {
            return false;
        }
        for (JsonNode value : type.isArray() ? type : List.of(type)) {
            if (value.asText().strip().equalsIgnoreCase("TELECOMMUTE")) {
                return true;
            }
        }
        return false;
    }

    /** MonetaryAmount: {@code currency}, and {@code value} a number or a QuantitativeValue with its unit. */
    private static void salary(JsonNode amount, ObjectNode offer) {
        if (!amount.isObject()) {
            return;
        }
        ObjectNode salary = offer.objectNode();
        JsonNode value = amount.path("value");
        JsonNode min = value.isObject() ? value.get("minValue") : null;
        JsonNode max = value.isObject() ? value.get("maxValue") : null;
        JsonNode single = value.isObject() ? value.get("value") : value.isMissingNode() ? null : value;
        if (min == null && max == null) {
            min = single;
            max = single;
        }
        putAmount(salary, "min", min);
        putAmount(salary, "max", max);
        put(salary, "currency", text(amount.get("currency")));
        String unit = text(value.isObject() ? value.get("unitText") : amount.get("unitText"));
        if (unit != null) {
            put(salary, "period", PERIODS.get(unit.strip().toUpperCase(Locale.ROOT)));
        }
        if (!salary.isEmpty()) {
            offer.set("salary", salary);
        }
    }

    private static void putAmount(ObjectNode salary, String field, JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return;
        }
        if (amount.isNumber()) {
            salary.set(field, amount);
            return;
        }
        String text = amount.asText().strip();
        try {
            salary.put(field, new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            salary.put(field, text); // the service names the field and says it is not a number
        }
    }

    /** Dates and date-times: offers hold the day. */
    private static String day(String value) {
        return value != null && DAY.matcher(value).matches() ? value.substring(0, 10) : value;
    }

    private static String plain(String value) {
        return value == null ? null : HtmlText.plain(value);
    }

    /** An array's first member, the value itself otherwise; never null (a missing node instead). */
    private static JsonNode first(JsonNode value) {
        if (value == null || value.isNull()) {
            return MissingNode.getInstance();
        }
        return value.isArray() ? first(value.get(0)) : value;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
