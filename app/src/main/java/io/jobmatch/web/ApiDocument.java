package io.jobmatch.web;

import io.jobmatch.security.KeyRequired;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.InputStream;

/**
 * The OpenAPI document, served at {@code /openapi.yml}. micronaut-openapi writes it at compile time from every
 * controller route, the {@code /health} endpoint and the title below (settings in {@code app/openapi.properties});
 * its Swagger UI page is a static resource at {@code /api-docs} (application.yml).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "jobmatch",
                        version = "0.1.0",
                        description =
                                "Multilingual semantic job matching: store job offers, search open offers like a CV, find offers "
                                        + "similar to a stored one, list the countries with open offers in a language. Every error is an "
                                        + "RFC 9457 application/problem+json document. Writes need an API key "
                                        + "(Authorization: Bearer <key>) that holds the offer's source."))
@SecurityScheme(
        name = KeyRequired.SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key from JOBMATCH_API_KEYS or jobmatch.security.api-keys-file; it may write the sources "
                + "it was configured with, or every source (*)")
@Hidden
@Controller
public class ApiDocument {

    /** RFC 9512. A static-resource mapping would send text/plain: Micronaut knows no media type for .yml. */
    public static final String YAML = "application/yaml";

    static final String RESOURCE = "META-INF/swagger/openapi.yml";

    @Get(uri = "/openapi.yml", produces = YAML)
    public StreamedFile document() {
        InputStream document = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (document == null) {
            throw new IllegalStateException(
                    RESOURCE + " is not on the classpath: the build ran without micronaut-openapi");
        }
        return new StreamedFile(document, MediaType.of(YAML));
    }
}
