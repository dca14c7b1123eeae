package io.jobmatch.index;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.StatusOr;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The Qdrant nodes of {@code jobmatch.qdrant.host}: one address, or several separated by commas, each {@code host} or
 * {@code host:port} ({@code jobmatch.qdrant.port} when the port is left out). Any node of a Qdrant cluster answers any
 * request (it forwards to the nodes holding the shards), so the client spreads its calls over all of them and leaves
 * out a node that stops answering; as a gRPC name resolver, it hands the channel the fixed list.
 */
final class QdrantNodes extends NameResolver.Factory {

    static final String SCHEME = "qdrant-nodes";

    private final List<InetSocketAddress> addresses;

    private QdrantNodes(List<InetSocketAddress> addresses) {
        this.addresses = addresses;
    }

    static QdrantNodes parse(String hosts, int defaultPort) {
        List<InetSocketAddress> addresses = Arrays.stream(hosts.split(","))
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(host -> address(host, defaultPort))
                .toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("jobmatch.qdrant.host names no node: '" + hosts + "'");
        }
        return new QdrantNodes(addresses);
    }

    private static InetSocketAddress address(String host, int defaultPort) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return InetSocketAddress.createUnresolved(host, defaultPort);
        }
        try {
            return InetSocketAddress.createUnresolved(
                    host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jobmatch.qdrant.host: bad port in '" + host + "'", e);
        }
    }

    List<InetSocketAddress> addresses() {
        return addresses;
    }

    boolean isCluster() {
        return addresses.size() > 1;
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        List<EquivalentAddressGroup> groups = addresses.stream()
                .map(address ->
                        new EquivalentAddressGroup(new InetSocketAddress(address.getHostString(), address.getPort())))
                .toList();
        return new NameResolver() {
            @Override
            public String getServiceAuthority() {
                return "qdrant";
            }

            @Override
            public void start(Listener2 listener) {
                listener.onResult2(ResolutionResult.newBuilder()
                        .setAddressesOrError(StatusOr.fromValue(groups))
                        .build());
            }

            @Override
            public void shutdown() {
                // a fixed list: nothing to stop
            }
        };
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }
}
