package io.jobmatch.web;

import io.jobmatch.validation.JsonRequest;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code @Body} parameters whose type is a {@link JsonRequest} record through the {@link RequestBinder}, so a
 * rejected body is one problem naming every bad field. Ordered before Micronaut's own JSON reader, which it leaves
 * every other type to.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JsonRequestReader<T> implements MessageBodyReader<T> {

    private final JsonMapper mapper;
    private final RequestBinder binder;

    public JsonRequestReader(JsonMapper mapper, RequestBinder binder) {
        this.mapper = mapper;
        this.binder = binder;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return type.getType().isAnnotationPresent(JsonRequest.class);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        return binder.bind(parse(mapper, body), type.getType()).orThrow();
    }

    /** Parses a request body; an empty or malformed one is a 400 that says where the JSON breaks. */
    public static JsonNode parse(JsonMapper mapper, InputStream body) {
        try {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                throw ApiException.malformedJson("The request body is empty");
            }
            return mapper.readValue(bytes, JsonNode.class);
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
