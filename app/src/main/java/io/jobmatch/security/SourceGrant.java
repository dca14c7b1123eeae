package io.jobmatch.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The sources an API key may write: a set of source names, or every source ({@code *}, which also opens the admin
 * endpoints).
 */
public record SourceGrant(boolean allSources, Set<String> sources) {

    /** The role of a {@code *} key: admin endpoints are {@code @Secured(SourceGrant.ALL_SOURCES_ROLE)}. */
    public static final String ALL_SOURCES_ROLE = "all-sources";

    /** In-process writers that no key stands for (the bundled samples). */
    public static final SourceGrant EVERY_SOURCE = new SourceGrant(true, Set.of());

    static final String SOURCES_ATTRIBUTE = "sources";

    public SourceGrant {
        sources = Set.copyOf(sources);
    }

    public boolean mayWrite(String source) {
        return allSources || sources.contains(source);
    }

    /** The grant of the key a request was authenticated with. */
    public static SourceGrant of(Authentication authentication) {
        if (authentication.getRoles().contains(ALL_SOURCES_ROLE)) {
            return EVERY_SOURCE;
        }
        Object sources = authentication.getAttributes().get(SOURCES_ATTRIBUTE);
        return new SourceGrant(
                false,
                sources instanceof Collection<?> names
                        ? Set.copyOf(names.stream().map(String::valueOf).toList())
                        : Set.of());
    }

    List<String> roles() {
        return allSources ? List.of(ALL_SOURCES_ROLE) : List.of();
    }
}
