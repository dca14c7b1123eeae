package io.jobmatch.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** ISO 639-1 language code, any case (`fr`, `FR`); null passes (combine with {@code @NotNull} when required). */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.METHOD,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
public @interface LanguageCode {

    String message() default "must be an ISO 639-1 two-letter language code (got '{validatedValue}')";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
