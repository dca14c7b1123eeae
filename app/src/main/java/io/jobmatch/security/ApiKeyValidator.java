package io.jobmatch.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * micronaut-security's bearer-token hook: the token of {@code Authorization: Bearer <key>} is looked up among the
 * {@link ApiKeys}; a known key authenticates the request with its sources, an unknown one leaves it anonymous (a
 * write then gets 401, a read goes through).
 */
@Singleton
class ApiKeyValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiKeys keys;

    ApiKeyValidator(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return keys.grantOf(token)
                .map(grant -> Publishers.just(Authentication.build(
                        "api-key", grant.roles(), Map.of(SourceGrant.SOURCES_ATTRIBUTE, List.copyOf(grant.sources())))))
                .orElseGet(Publishers::empty);
    }
}
