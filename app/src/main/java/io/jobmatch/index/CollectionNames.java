package io.jobmatch.index;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the offers' collections are named, so that what a collection holds is read from its name. Searches and writes
 * address the alias {@code <prefix>_live}; behind it is one generation, {@code <prefix>_<model>_<layout>_g<n>}, or a
 * collection made before aliases existed, {@code <prefix>_<model>_<layout>} (adopted as generation 0). A new model or
 * layout is a new family of generations; a reindex of the same model and layout is the next generation of its family.
 *
 * @param prefix {@link QdrantSettings#collectionPrefix()}
 * @param model  the embedding model's name, reduced to the characters Qdrant names allow
 * @param layout {@link OfferIndex#LAYOUT}
 */
record CollectionNames(String prefix, String model, String layout) {

    private static final Pattern MODEL_CHARACTERS = Pattern.compile("[^A-Za-z0-9_-]");

    static CollectionNames of(String prefix, String modelName, String layout) {
        return new CollectionNames(prefix, MODEL_CHARACTERS.matcher(modelName).replaceAll("_"), layout);
    }

    /** The collection of this model and layout as named before aliases: what commands (eval, benches) address. */
    String family() {
        return prefix + "_" + model + "_" + layout;
    }

    String alias() {
        return prefix + "_live";
    }

    String generation(int number) {
        return family() + "_g" + number;
    }

    /** Whether the collection holds this model's vectors in this layout: it can stay behind the alias. */
    boolean sameFamily(String collection) {
        return generationOf(collection).isPresent();
    }

    /** Whether the collection holds this model's vectors (in any layout): its dense vectors answer this model's. */
    boolean sameModel(String collection) {
        return Pattern.matches(Pattern.quote(prefix + "_" + model) + "_v\\d+(_g\\d+)?", collection);
    }

    /** Whether the collection is one of this prefix's generations, of any model and layout. */
    boolean isOurs(String collection) {
        return Pattern.matches(Pattern.quote(prefix) + "_[A-Za-z0-9_-]+_v\\d+(_g\\d+)?", collection);
    }

    /** The generation number of a collection of this family: 0 for the collection named before aliases. */
    OptionalInt generationOf(String collection) {
        if (collection.equals(family())) {
            return OptionalInt.of(0);
        }
        Matcher generation =
                Pattern.compile(Pattern.quote(family()) + "_g(\\d+)").matcher(collection);
        return generation.matches() ? OptionalInt.of(Integer.parseInt(generation.group(1))) : OptionalInt.empty();
    }
}
