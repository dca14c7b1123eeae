package io.jobmatch.index;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.DeleteAlias;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Qdrant adapter for the generations of the offers' collection behind their alias (see {@link CollectionNames}):
 * opening the alias at startup, naming the next generation, moving the alias, deleting what is no longer served.
 * Only collections named as this prefix's generations are ever touched, so tests and benches on other prefixes of the
 * same Qdrant are left alone.
 */
@Singleton
class CollectionGenerations {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionGenerations.class);

    private final QdrantClient client;
    private final OfferIndex index;
    private final IndexRouting routing;

    CollectionGenerations(QdrantClient client, OfferIndex index, IndexRouting routing) {
        this.client = client;
        this.index = index;
        this.routing = routing;
    }

    /**
     * Points searches and writes at the alias, creating it when missing: over a collection made before aliases
     * (this model and layout first, then this model in an older layout, then any other model), adopted as it is, or
     * else over a new, empty first generation.
     *
     * @return true when the served generation is new and empty, so everything must be indexed into it
     */
    boolean open() {
        CollectionNames names = routing.names();
        List<String> ours = ours();
        Optional<String> target = aliasTarget();
        boolean created = false;
        String served;
        if (target.isPresent()) {
            served = target.get();
        } else {
            Optional<String> adopted = ours.stream()
                    .filter(name -> name.equals(names.family()))
                    .findFirst()
                    .or(() -> ours.stream().filter(names::sameModel).findFirst())
                    .or(() -> ours.stream().findFirst());
            if (adopted.isPresent()) {
                served = adopted.get();
                LOG.info("Qdrant collection {} adopted as the generation behind alias {}", served, names.alias());
            } else {
                served = names.generation(1);
                index.create(served);
                created = true;
            }
            index.await(client.createAliasAsync(names.alias(), served), "create alias");
        }
        index.serveThroughAlias(served);
        return created;
    }

    /**
     * Deletes this prefix's collections that the alias does not serve: left over from earlier models and layouts, or
     * from a rebuild that a stop cut short. Only while no rebuild runs anywhere ({@link RebuildLock}).
     */
    void deleteUnserved() {
        String served = routing.served();
        for (String orphan : ours()) {
            if (!orphan.equals(served)) {
                delete(orphan);
                LOG.info("Deleted Qdrant collection {}: neither served nor being built", orphan);
            }
        }
    }

    /** The name of the next generation of this model and layout: one past the highest that exists. */
    String nextGeneration() {
        CollectionNames names = routing.names();
        int highest = ours().stream()
                .map(names::generationOf)
                .filter(number -> number.isPresent())
                .mapToInt(number -> number.getAsInt())
                .max()
                .orElse(0);
        return names.generation(highest + 1);
    }

    /** Points the alias at {@code collection}, in one request: no search ever finds the alias missing. */
    void moveAlias(String collection) {
        String alias = routing.names().alias();
        index.await(
                client.updateAliasesAsync(List.of(
                        AliasOperations.newBuilder()
                                .setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias))
                                .build(),
                        AliasOperations.newBuilder()
                                .setCreateAlias(CreateAlias.newBuilder()
                                        .setAliasName(alias)
                                        .setCollectionName(collection))
                                .build())),
                "move alias");
    }

    void delete(String collection) {
        index.await(client.deleteCollectionAsync(collection), "delete collection " + collection);
    }

    Optional<String> aliasTarget() {
        String alias = routing.names().alias();
        return index.await(client.listAliasesAsync(), "list aliases").stream()
                .filter(description -> description.getAliasName().equals(alias))
                .map(AliasDescription::getCollectionName)
                .findFirst();
    }

    /** This prefix's collections, sorted by name so that a choice among them is the same on every start. */
    private List<String> ours() {
        return index.await(client.listCollectionsAsync(), "list collections").stream()
                .filter(routing.names()::isOurs)
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
