package io.jobmatch.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpAbstractLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolutionConfiguration;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The locale of a page is the first segment of its path ({@code /fr/...}), before any header or default: templates'
 * {@code #{...}} messages are read in the page's language, whatever the browser asks for.
 */
@Singleton
class PathLocaleResolver extends HttpAbstractLocaleResolver {

    private final PageLanguages languages;

    PathLocaleResolver(HttpLocaleResolutionConfiguration configuration, PageLanguages languages) {
        super(configuration);
        this.languages = languages;
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        String path = request.getPath();
        int end = path.indexOf('/', 1);
        return end < 0 ? Optional.empty() : languages.locale(path.substring(1, end));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
