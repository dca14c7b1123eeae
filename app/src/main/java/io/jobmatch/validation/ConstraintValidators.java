package io.jobmatch.validation;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.beans.BeanWrapper;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Locale;

/** The validators of this package's constraints, as Micronaut beans (no reflection at run time). */
@Factory
class ConstraintValidators {

    @Singleton
    ConstraintValidator<LanguageCode, String> languageCode() {
        return (value, annotation, context) -> value == null || IsoCodes.language(value) != null;
    }

    @Singleton
    ConstraintValidator<CountryCode, String> countryCode() {
        return (value, annotation, context) -> value == null || IsoCodes.country(value) != null;
    }

    @Singleton
    ConstraintValidator<CurrencyCode, String> currencyCode() {
        return (value, annotation, context) -> value == null || isCurrency(value);
    }

    @Singleton
    ConstraintValidator<HttpUrl, String> httpUrl() {
        return (value, annotation, context) -> value == null || isHttpUrl(value);
    }

    @Singleton
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConstraintValidator<NotBefore, Object> notBefore() {
        return (bean, annotation, context) -> {
            if (bean == null) {
                return true;
            }
            String field = annotation.stringValue("field").orElseThrow();
            BeanWrapper<Object> wrapper = BeanWrapper.getWrapper(bean);
            Comparable end = wrapper.getProperty(field, Comparable.class).orElse(null);
            Comparable start = wrapper.getProperty(
                            annotation.stringValue("start").orElseThrow(), Comparable.class)
                    .orElse(null);
            if (start == null || end == null || end.compareTo(start) >= 0) {
                return true;
            }
            reportOn(context, field);
            return false;
        };
    }

    @Singleton
    ConstraintValidator<AnyOf, Object> anyOf() {
        return (bean, annotation, context) -> {
            if (bean == null) {
                return true;
            }
            String[] fields = annotation.stringValues();
            BeanWrapper<Object> wrapper = BeanWrapper.getWrapper(bean);
            for (String field : fields) {
                if (wrapper.getProperty(field, Object.class).isPresent()) {
                    return true;
                }
            }
            reportOn(context, fields[0]);
            return false;
        };
    }

    /** A record-level constraint names the field a client has to fix, not the record. */
    private static void reportOn(jakarta.validation.ConstraintValidatorContext context, String field) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode(field)
                .addConstraintViolation();
    }

    private static boolean isCurrency(String value) {
        try {
            Currency.getInstance(value.strip().toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.getHost() != null
                    && scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
