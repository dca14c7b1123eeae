package io.jobmatch.index;

import io.grpc.DecompressorRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;

/**
 * The official Qdrant gRPC client, with a per-call deadline so a stuck server fails a request instead of hanging. For
 * several nodes ({@link QdrantNodes}) its channel balances calls round robin over those that answer, so a node that
 * goes down costs the calls that were on it, not the service.
 *
 * <p>The channel accepts no compressed answers. Qdrant gzips every answer of a client that accepts gzip, as grpc-java
 * does by default, and the answers a search waits on are mostly float vectors, which gzip cannot shrink: reading 30
 * offers' dense vectors took 11 ms gzipped and 2 ms plain on this project's 2-core machine (docs/search-quality.md,
 * "Cost of highlights").
 */
@Factory
class QdrantClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    QdrantClient qdrantClient(QdrantSettings settings) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(
                channel(QdrantNodes.parse(settings.host(), settings.port()), settings.tls()), true);
        grpc.withTimeout(settings.timeout());
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            grpc.withApiKey(settings.apiKey());
        }
        return new QdrantClient(grpc.build());
    }

    // nameResolverFactory is deprecated in favour of a global resolver registry; a factory of the channel's own keeps
    // the node list out of process-wide state.
    @SuppressWarnings("deprecation")
    private static ManagedChannel channel(QdrantNodes nodes, boolean tls) {
        ManagedChannelBuilder<?> channel;
        if (nodes.isCluster()) {
            channel = ManagedChannelBuilder.forTarget(QdrantNodes.SCHEME + ":///cluster")
                    .nameResolverFactory(nodes)
                    .defaultLoadBalancingPolicy("round_robin");
        } else {
            InetSocketAddress node = nodes.addresses().getFirst();
            channel = ManagedChannelBuilder.forAddress(node.getHostString(), node.getPort());
        }
        channel.decompressorRegistry(DecompressorRegistry.emptyInstance());
        return (tls ? channel.useTransportSecurity() : channel.usePlaintext()).build();
    }
}
