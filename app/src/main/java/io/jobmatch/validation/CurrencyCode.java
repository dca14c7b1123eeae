package io.jobmatch.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** ISO 4217 currency code, any case (`EUR`); null passes (combine with {@code @NotNull} when required). */
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
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code (got '{validatedValue}')";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
