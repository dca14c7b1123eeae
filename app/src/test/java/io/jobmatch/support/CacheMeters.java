package io.jobmatch.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the service's Caffeine caches report through Micrometer's binder. */
public final class CacheMeters {

    private CacheMeters() {}

    /** The lookups of {@code cache} that ended as {@code result} ({@code hit} or {@code miss}) so far. */
    public static double gets(MeterRegistry registry, String cache, String result) {
        FunctionCounter counter = registry.find("cache.gets")
                .tag("cache", cache)
                .tag("result", result)
                .functionCounter();
        assertNotNull(counter, "the meters of cache " + cache + " are registered");
        return counter.count();
    }
}
