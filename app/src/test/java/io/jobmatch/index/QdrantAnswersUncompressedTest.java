package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.jobmatch.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service's Qdrant channel gets plain answers: Qdrant gzips the answers of a client that accepts gzip, which costs
 * a search several milliseconds per read of vectors that do not compress ({@link QdrantClientFactory}).
 */
@MicronautTest
class QdrantAnswersUncompressedTest extends ServiceTest {

    static final Metadata.Key<String> ENCODING = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    @Inject
    QdrantClient client;

    @Inject
    QdrantSettings settings;

    @Test
    void theServicesChannelGetsPlainAnswers() throws Exception {
        assertNull(encodingOfAHealthCheck(client.grpcClient().channel()));
    }

    /** The same question on a channel with grpc-java's defaults: gzipped, so the check above can tell. */
    @Test
    void aDefaultChannelGetsGzippedAnswers() throws Exception {
        ManagedChannel defaults = ManagedChannelBuilder.forAddress(settings.host(), settings.port())
                .usePlaintext()
                .build();
        try {
            assertEquals("gzip", encodingOfAHealthCheck(defaults));
        } finally {
            defaults.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The {@code grpc-encoding} Qdrant answered a health check with; null for none (plain). */
    private static String encodingOfAHealthCheck(Channel channel) throws Exception {
        String[] encoding = new String[1];
        ClientInterceptor headers = new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(
                    MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata requestHeaders) {
                        super.start(
                                new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                                    @Override
                                    public void onHeaders(Metadata answerHeaders) {
                                        encoding[0] = answerHeaders.get(ENCODING);
                                        super.onHeaders(answerHeaders);
                                    }
                                },
                                requestHeaders);
                    }
                };
            }
        };
        QdrantGrpc.newFutureStub(ClientInterceptors.intercept(channel, headers))
                .healthCheck(HealthCheckRequest.getDefaultInstance())
                .get(10, TimeUnit.SECONDS);
        return encoding[0];
    }
}
