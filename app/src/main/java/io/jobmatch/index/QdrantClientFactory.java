package io.jobmatch.index;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import jakarta.inject.Singleton;

/** The official Qdrant gRPC client, with a per-call deadline so a stuck server fails a request instead of hanging. */
@Factory
class QdrantClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    QdrantClient qdrantClient(QdrantSettings settings) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(settings.host(), settings.port(), settings.tls())
                .withTimeout(settings.timeout());
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            grpc.withApiKey(settings.apiKey());
        }
        return new QdrantClient(grpc.build());
    }
}
