package io.jobmatch.index;

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
 */
@Factory
class QdrantClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    QdrantClient qdrantClient(QdrantSettings settings) {
        QdrantNodes nodes = QdrantNodes.parse(settings.host(), settings.port());
        QdrantGrpcClient.Builder grpc;
        if (nodes.isCluster()) {
            grpc = QdrantGrpcClient.newBuilder(channel(nodes, settings.tls()), true);
        } else {
            InetSocketAddress node = nodes.addresses().getFirst();
            grpc = QdrantGrpcClient.newBuilder(node.getHostString(), node.getPort(), settings.tls());
        }
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
        ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forTarget(QdrantNodes.SCHEME + ":///cluster")
                .nameResolverFactory(nodes)
                .defaultLoadBalancingPolicy("round_robin");
        return (tls ? channel.useTransportSecurity() : channel.usePlaintext()).build();
    }
}
