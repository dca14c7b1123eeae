package io.jobmatch.index;

import io.jobmatch.embeddings.EmbeddingEngine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Which collections reads and writes address, and the rule that keeps a generation being built complete. Until the
 * service opens its alias, everything addresses the model's {@link CollectionNames#family() family} collection, as
 * the commands (eval, benches) want.
 *
 * <p>While a generation is built from PostgreSQL, every live write goes to the served collection and to the new one,
 * and its offer ids are remembered; the rebuild's pages skip them, because what they read may be older than what a
 * live write has put there since. A read-write lock orders the two: live writes share it, a rebuild page and the swap
 * take it alone. A live write either lands before a page (the page skips its ids) or after (it overwrites the page),
 * and none is in flight while the alias moves, so none reaches only the collection that is going away.
 */
@Singleton
class IndexRouting {

    private final CollectionNames names;
    /** Fair: a steady stream of live writes must not starve a rebuild page or the swap. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    private volatile String address;
    private volatile String served;
    private volatile Building building;

    private record Building(String collection, Set<UUID> written) {}

    @Inject
    IndexRouting(QdrantSettings settings, EmbeddingEngine engine) {
        this(CollectionNames.of(settings.collectionPrefix(), engine.manifest().name(), OfferIndex.LAYOUT));
    }

    IndexRouting(CollectionNames names) {
        this.names = names;
        this.address = names.family();
        this.served = names.family();
    }

    CollectionNames names() {
        return names;
    }

    /** The name searches and writes address: the alias once the service opened it. */
    String address() {
        return address;
    }

    /** The collection behind the address. */
    String served() {
        return served;
    }

    Optional<String> building() {
        Building current = building;
        return current == null ? Optional.empty() : Optional.of(current.collection());
    }

    /** Whether dense queries embedded by this service's model may search the served collection. */
    boolean servesOwnModel() {
        return names.sameModel(served);
    }

    void serveThroughAlias(String collection) {
        served = collection;
        address = names.alias();
    }

    /**
     * Runs a live write on every collection that must receive it. The served collection gets it only when it holds
     * this model and layout: another model's vectors (or another layout's points) do not belong there, and it is
     * replaced when the generation being built is complete.
     *
     * @throws IndexUnavailableException when the served collection holds another model or layout and no generation
     *                                   is being built to replace it (the write stays pending and is retried)
     */
    void write(Collection<UUID> offerIds, Consumer<String> write) {
        lock.readLock().lock();
        try {
            Building next = building;
            boolean servedTakesIt = names.sameFamily(served);
            if (next == null && !servedTakesIt) {
                throw new IndexUnavailableException(
                        "Qdrant collection " + served + " holds another model or layout, and no new generation is "
                                + "being built",
                        null);
            }
            if (next != null) {
                next.written().addAll(offerIds);
            }
            if (servedTakesIt) {
                write.accept(address);
            }
            if (next != null) {
                write.accept(next.collection());
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** From now on live writes also go to {@code collection}. */
    void startBuilding(String collection) {
        lock.writeLock().lock();
        try {
            if (building != null) {
                throw new IllegalStateException("Already building " + building.collection());
            }
            building = new Building(collection, ConcurrentHashMap.newKeySet());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Live writes go to the served collection only again (a rebuild that stopped or failed). */
    void stopBuilding() {
        lock.writeLock().lock();
        try {
            building = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Writes one page read from PostgreSQL into the generation being built, without the offers a live write has
     * sent there since the build started: those hold a version at least as new as the page's.
     */
    void fill(String collection, List<IndexedOffer> page, Consumer<List<IndexedOffer>> write) {
        lock.writeLock().lock();
        try {
            Building next = requireBuilding(collection);
            List<IndexedOffer> unwritten = page.stream()
                    .filter(offer -> !next.written().contains(offer.offer().id()))
                    .toList();
            if (!unwritten.isEmpty()) {
                write.accept(unwritten);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Moves the alias to the generation that was built (by {@code moveAlias}, with no live write in flight) and
     * serves it from then on.
     *
     * @return the collection served until now
     */
    String swap(String collection, Runnable moveAlias) {
        lock.writeLock().lock();
        try {
            requireBuilding(collection);
            moveAlias.run();
            String previous = served;
            served = collection;
            building = null;
            return previous;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Building requireBuilding(String collection) {
        Building next = building;
        if (next == null || !next.collection().equals(collection)) {
            throw new IllegalStateException(collection + " is not the generation being built");
        }
        return next;
    }
}
