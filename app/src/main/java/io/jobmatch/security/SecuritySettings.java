package io.jobmatch.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/**
 * Where the API keys come from; both may be set, and a service with neither accepts no write (serve then generates a
 * key for its run).
 *
 * @param apiKeys     {@code <key>:<source>[|<source>…]} entries separated by commas, {@code *} for every source
 *                    (application.yml maps {@code JOBMATCH_API_KEYS} here)
 * @param apiKeysFile a file of {@code <sha256-hex>:<sources>} lines, so the keys themselves need not be stored
 */
@ConfigurationProperties("jobmatch.security")
public record SecuritySettings(
        @Nullable String apiKeys, @Nullable Path apiKeysFile) {

    /** Whether any key source is configured. */
    public boolean configured() {
        return (apiKeys != null && !apiKeys.isBlank()) || apiKeysFile != null;
    }
}
