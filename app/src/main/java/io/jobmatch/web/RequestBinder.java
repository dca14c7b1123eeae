package io.jobmatch.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.jobmatch.validation.JsonRequest;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.validation.validator.Validator;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds a JSON object to a {@link JsonRequest} record and validates it with Bean Validation, reporting every bad
 * field at once under its JSON path ({@code salary.currency}). The JSON type of each field is checked here, field by
 * field, because a deserializer stops at the first mismatch: {@code "limit": "ten"} must be an error on
 * {@code limit} listed with the request's other errors, not a failure of the whole body. Strings are trimmed and a
 * blank one counts as absent. Constructed through compile-time introspection, so no reflection.
 */
@Singleton
public class RequestBinder {

    private final Validator validator;

    public RequestBinder(Validator validator) {
        this.validator = validator;
    }

    public <T> Binding<T> bind(JsonNode json, Class<T> type) {
        List<FieldError> errors = new ArrayList<>();
        T value = object(json, type, "", errors);
        if (value != null) {
            Set<String> failed = new HashSet<>();
            errors.forEach(error -> failed.add(error.field()));
            for (ConstraintViolation<T> violation : validator.validate(value)) {
                String field = path(violation.getPropertyPath());
                // A field whose JSON was refused is null now: its own null-check, or a check across it and another
                // field, would only repeat that error in other words.
                if (!failed.contains(field) && !readsFailedField(violation, field, failed)) {
                    errors.add(new FieldError(field, violation.getMessage()));
                }
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return new Binding<>(errors.isEmpty() ? value : null, List.copyOf(errors));
    }

    /** Whether a cross-field constraint ({@code start = "datePosted"}) names a field whose JSON was refused. */
    private static boolean readsFailedField(ConstraintViolation<?> violation, String field, Set<String> failed) {
        String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.') + 1) : "";
        for (Object attribute :
                violation.getConstraintDescriptor().getAttributes().values()) {
            List<String> names = attribute instanceof String name
                    ? List.of(name)
                    : attribute instanceof String[] several ? List.of(several) : List.of();
            if (names.stream().anyMatch(name -> failed.contains(parent + name))) {
                return true;
            }
        }
        return false;
    }

    private <T> T object(JsonNode json, Class<T> type, String path, List<FieldError> errors) {
        if (json == null || !json.isObject()) {
            errors.add(new FieldError(path.isEmpty() ? "$" : path, "must be a JSON object"));
            return null;
        }
        BeanIntrospection<T> introspection = BeanIntrospector.SHARED.getIntrospection(type);
        Argument<?>[] arguments = introspection.getConstructorArguments();
        Set<String> known = new HashSet<>(
                Arrays.asList(introspection.getAnnotationMetadata().stringValues(JsonIgnoreProperties.class)));
        for (Argument<?> argument : arguments) {
            known.add(argument.getName());
        }
        for (Map.Entry<String, JsonNode> entry : json.entries()) {
            if (!known.contains(entry.getKey())) {
                errors.add(new FieldError(qualified(path, entry.getKey()), "is not a known field"));
            }
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            JsonNode field = json.get(arguments[i].getName());
            if (field != null && !field.isNull()) {
                values[i] = value(field, arguments[i], qualified(path, arguments[i].getName()), errors);
            }
        }
        // Absent fields are null; which of them may be is for the constraints to say, with their messages.
        return introspection.instantiate(false, values);
    }

    private Object value(JsonNode json, Argument<?> argument, String path, List<FieldError> errors) {
        Class<?> type = argument.getType();
        try {
            if (type == String.class) {
                String text = expect(json, json.isString(), "must be a string")
                        .getStringValue()
                        .strip();
                return text.isEmpty() ? null : text;
            }
            if (type == Boolean.class) {
                return expect(json, json.isBoolean(), "must be true or false").getBooleanValue();
            }
            if (type == Integer.class) {
                BigDecimal number = decimal(json, "must be an integer");
                expect(json, number.stripTrailingZeros().scale() <= 0, "must be an integer");
                // Far out of range still fails the field's own @Min/@Max, with its message.
                return number.max(BigDecimal.valueOf(Integer.MIN_VALUE))
                        .min(BigDecimal.valueOf(Integer.MAX_VALUE))
                        .intValue();
            }
            if (type == BigDecimal.class) {
                return decimal(json, "must be a number");
            }
            if (type == LocalDate.class) {
                String text = expect(json, json.isString(), "must be a date as YYYY-MM-DD")
                        .getStringValue();
                try {
                    return LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    throw new Mismatch("must be a date as YYYY-MM-DD (got '" + text + "')");
                }
            }
            if (type.isEnum()) {
                return constant(json, type);
            }
            if (List.class.isAssignableFrom(type)) {
                expect(json, json.isArray(), "must be a JSON array");
                Argument<?> element = argument.getFirstTypeVariable().orElseThrow();
                List<Object> list = new ArrayList<>();
                int index = 0;
                for (JsonNode item : json.values()) {
                    list.add(value(item, element, path + "[" + index++ + "]", errors));
                }
                return list;
            }
            if (type.isAnnotationPresent(JsonRequest.class)) {
                return object(json, type, path, errors);
            }
        } catch (Mismatch mismatch) {
            errors.add(new FieldError(path, mismatch.getMessage()));
            return null;
        }
        throw new IllegalStateException("No JSON binding for " + type + " at " + path);
    }

    private static BigDecimal decimal(JsonNode json, String message) {
        expect(json, json.isNumber(), message);
        try {
            return new BigDecimal(json.getNumberValue().toString());
        } catch (NumberFormatException infinite) {
            throw new Mismatch(message + " (got a number too large to read)");
        }
    }

    private static Object constant(JsonNode json, Class<?> type) {
        Object[] constants = type.getEnumConstants();
        String expected = "must be one of " + Arrays.toString(constants);
        String text = expect(json, json.isString(), expected).getStringValue().strip();
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equals(text.toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new Mismatch(expected + " (got '" + text + "')");
    }

    private static JsonNode expect(JsonNode json, boolean condition, String message) {
        if (!condition) {
            throw new Mismatch(message);
        }
        return json;
    }

    private static String qualified(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * The query parameter a method-validation violation is about: {@code limit}, not {@code similar.query.limit}
     * (the method and the record parameter are not part of what a client sent).
     */
    static String parameterPath(Path propertyPath) {
        List<Path.Node> nodes = new ArrayList<>();
        propertyPath.forEach(nodes::add);
        List<Path.Node> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ElementKind kind = nodes.get(i).getKind();
            boolean last = i == nodes.size() - 1;
            if (kind != ElementKind.METHOD
                    && kind != ElementKind.CONSTRUCTOR
                    && (kind != ElementKind.PARAMETER || last)) {
                kept.add(nodes.get(i));
            }
        }
        return path(kept);
    }

    /** {@code salary.currency}, {@code employmentTypes[1]}: the JSON path, without the validator's bean nodes. */
    private static String path(Iterable<Path.Node> propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** A JSON value of the wrong type for its field. */
    private static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }
}
