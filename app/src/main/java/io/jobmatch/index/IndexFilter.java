package io.jobmatch.index;

import java.util.Optional;
import java.util.UUID;

/** Which offers a vector query may return: by language, country and status, optionally excluding one offer. */
public record IndexFilter(
        Optional<String> language, Optional<String> country, boolean openOnly, Optional<UUID> excluded) {

    public static IndexFilter open(String language, String country) {
        return new IndexFilter(Optional.of(language), Optional.ofNullable(country), true, Optional.empty());
    }
}
