package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jobmatch.qdrant.host} as one node or a cluster's nodes (the cluster itself: tools/cluster-test.sh). */
class QdrantNodesTest {

    @Test
    void oneHostTakesTheConfiguredPort() {
        QdrantNodes nodes = QdrantNodes.parse("qdrant.internal", 6334);

        assertFalse(nodes.isCluster());
        assertEquals(List.of(InetSocketAddress.createUnresolved("qdrant.internal", 6334)), nodes.addresses());
    }

    @Test
    void severalHostsEachWithItsPortOrTheDefault() {
        QdrantNodes nodes = QdrantNodes.parse("127.0.0.1:7001, 127.0.0.1:7002,node-c", 6334);

        assertTrue(nodes.isCluster());
        assertEquals(
                List.of(
                        InetSocketAddress.createUnresolved("127.0.0.1", 7001),
                        InetSocketAddress.createUnresolved("127.0.0.1", 7002),
                        InetSocketAddress.createUnresolved("node-c", 6334)),
                nodes.addresses());
    }

    @Test
    void aBadPortOrNoHostIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> QdrantNodes.parse("a:b", 6334));
        assertThrows(IllegalArgumentException.class, () -> QdrantNodes.parse(" , ", 6334));
    }
}
