package io.jobmatch.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request record read field by field by {@link io.jobmatch.web.RequestBinder}: a wrong JSON type, an unknown field and a broken
 * constraint are all reported together, each under its own path, instead of failing the whole body at the first
 * problem. Controllers take such records as {@code @Body @Valid}; {@code web.JsonRequestReader} binds them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonRequest {}
