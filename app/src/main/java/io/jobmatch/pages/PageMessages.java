package io.jobmatch.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The pages' UI strings, one resource bundle per page language ({@code i18n/pages*.properties}). */
@Factory
class PageMessages {

    @Singleton
    MessageSource pageMessages() {
        return new ResourceBundleMessageSource("i18n.pages");
    }
}
