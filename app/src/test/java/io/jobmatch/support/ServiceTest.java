package io.jobmatch.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** Base of tests that run the whole service (annotate the subclass with {@code @MicronautTest}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return TestServers.isolatedProperties(getClass().getSimpleName());
    }
}
