package io.jobmatch.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A range across two fields of one record: {@code field} must not be before (less than) {@code start} when both are
 * set, as {@code validThrough} after {@code datePosted}, or a salary's {@code max} after its {@code min}. The error is
 * reported on {@code field}. Both must be {@link Comparable} of one type.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(NotBefore.List.class)
public @interface NotBefore {

    String field();

    String start();

    String message() default "must not be before {start}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        NotBefore[] value();
    }
}
