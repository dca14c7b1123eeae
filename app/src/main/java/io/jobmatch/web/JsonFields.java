package io.jobmatch.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object with type checks, collecting every problem instead of stopping at the first,
 * so a rejected request names all of its bad fields at once.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** Parses a request body; anything that is not well-formed JSON is a 400. */
    public static JsonNode parse(JsonMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.malformedJson("The request body is empty");
        }
        try {
            return mapper.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Starts reading {@code node}, which must be an object; {@code path} prefixes field names in errors ("" at the top). */
    public static JsonFields of(JsonNode node, String path) {
        JsonFields fields = new JsonFields(node, path, new ArrayList<>());
        if (node == null || !node.isObject()) {
            fields.errors.add(new FieldError(path.isEmpty() ? "$" : path, "must be a JSON object"));
        }
        return fields;
    }

    public boolean isObject() {
        return node != null && node.isObject();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void error(String name, String message) {
        errors.add(new FieldError(qualified(name), message));
    }

    /** Adds the errors of a nested reader (they already carry their full path). */
    public void addAll(List<FieldError> nested) {
        errors.addAll(nested);
    }

    public void rejectUnknown(Set<String> known) {
        if (!isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!known.contains(entry.getKey())) {
                error(entry.getKey(), "is not a known field");
            }
        }
    }

    /** True when the field is missing or JSON null. */
    public boolean absent(String name) {
        return present(name) == null;
    }

    /** A string field, trimmed; null when absent, JSON null or blank. */
    public String text(String name, int maxLength) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            error(name, "must be a string");
            return null;
        }
        String text = value.getStringValue().strip();
        if (text.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters (got " + text.length() + ")");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    public String requiredText(String name, int maxLength) {
        boolean wasPresent = present(name) != null;
        String text = text(name, maxLength);
        if (text == null && errors.stream().noneMatch(e -> e.field().equals(qualified(name)))) {
            error(name, wasPresent ? "must not be blank" : "is required");
        }
        return text;
    }

    public Boolean bool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(name, "must be true or false");
            return null;
        }
        return value.getBooleanValue();
    }

    public BigDecimal decimal(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            error(name, "must be a number");
            return null;
        }
        return new BigDecimal(value.getNumberValue().toString());
    }

    /** An integer field within [min, max]; {@code fallback} when absent. */
    public int integer(String name, int min, int max, int fallback) {
        JsonNode value = present(name);
        if (value == null) {
            return fallback;
        }
        BigDecimal number = value.isNumber() ? new BigDecimal(value.getNumberValue().toString()) : null;
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            error(name, "must be an integer");
            return fallback;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, "must be between " + min + " and " + max);
            return fallback;
        }
        return number.intValueExact();
    }

    /** A nested object field; null when absent. Its errors are reported under {@code name.}. */
    public JsonFields object(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(name, "must be a JSON object");
            return null;
        }
        return new JsonFields(value, qualified(name), errors);
    }

    private JsonNode present(String name) {
        if (!isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
