package io.jobmatch.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** At least one of the named fields of a record is set (a salary needs a min or a max); reported on the first. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnyOf {

    String[] value();

    String message() default "one of {value} is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
