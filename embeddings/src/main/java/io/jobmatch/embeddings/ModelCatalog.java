package io.jobmatch.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models this build knows (manifests packaged from {@code models/<name>/manifest.json}) and where their
 * downloaded files live. Entry point for choosing a model.
 */
public final class ModelCatalog {

    private static final String RESOURCE_ROOT = "models/";
    private static final Pattern MANIFEST_ENTRY = Pattern.compile("models/([^/]+)/manifest\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path modelsDir;
    private final Map<String, ModelManifest> manifests;

    private ModelCatalog(Path modelsDir, Map<String, ModelManifest> manifests) {
        this.modelsDir = modelsDir;
        this.manifests = manifests;
    }

    /** @param modelsDir folder holding one {@code <name>/} folder per downloaded model; it need not exist */
    public static ModelCatalog create(Path modelsDir) {
        Objects.requireNonNull(modelsDir, "modelsDir");
        ClassLoader loader = ModelCatalog.class.getClassLoader();
        Map<String, ModelManifest> manifests = new TreeMap<>();
        for (String name : packagedModelNames(loader)) {
            manifests.put(name, readManifest(loader, name));
        }
        return new ModelCatalog(modelsDir, Collections.unmodifiableMap(manifests));
    }

    /** Names of every packaged model, sorted. */
    public Set<String> names() {
        return manifests.keySet();
    }

    /** @throws IllegalArgumentException naming the known models when {@code name} is not one of them */
    public ModelManifest manifest(String name) {
        ModelManifest manifest = manifests.get(name);
        if (manifest == null) {
            throw new IllegalArgumentException(
                    "unknown model '" + name + "'; known models: " + String.join(", ", names()));
        }
        return manifest;
    }

    /**
     * The preferred model when all its files are installed, otherwise the fallback, with the reason.
     *
     * @param fallbackName may be {@code null} when there is no acceptable fallback
     * @throws ModelIntegrityException when neither model is installed
     */
    public ResolvedModel resolve(String preferredName, String fallbackName) {
        ModelManifest preferred = manifest(preferredName);
        Path preferredDir = modelsDir.resolve(preferredName);
        Optional<String> preferredMissing = firstMissing(preferred, preferredDir);
        if (preferredMissing.isEmpty()) {
            return new ResolvedModel(
                    preferred, preferredDir, false, "using " + preferredName + ": all its files are installed");
        }
        String whyNotPreferred = preferredName + " is not installed (" + preferredMissing.get()
                + "); fetch it with models/fetch-model.sh " + preferredName;
        if (fallbackName == null || fallbackName.equals(preferredName)) {
            throw new ModelIntegrityException(whyNotPreferred + ", no fallback model configured");
        }
        ModelManifest fallback = manifest(fallbackName);
        Path fallbackDir = modelsDir.resolve(fallbackName);
        Optional<String> fallbackMissing = firstMissing(fallback, fallbackDir);
        if (fallbackMissing.isPresent()) {
            throw new ModelIntegrityException(whyNotPreferred + ", and the fallback " + fallbackName
                    + " is not installed either (" + fallbackMissing.get() + ")");
        }
        return new ResolvedModel(fallback, fallbackDir, true, whyNotPreferred + "; falling back to " + fallbackName);
    }

    private static Optional<String> firstMissing(ModelManifest manifest, Path modelDir) {
        return manifest.files().stream()
                .map(file -> ModelFileVerifier.whyUnavailable(file, modelDir))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static ModelManifest readManifest(ClassLoader loader, String name) {
        String resource = RESOURCE_ROOT + name + "/manifest.json";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("manifest resource vanished: " + resource);
            }
            ModelManifest manifest = JSON.readValue(in, ModelManifest.class);
            if (!manifest.name().equals(name)) {
                throw new IllegalStateException(
                        resource + " declares name '" + manifest.name() + "'; it must match its folder");
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model manifest " + resource, e);
        }
    }

    /**
     * Manifests are found by listing {@code models/} on the classpath, so adding a model is only adding its folder;
     * both exploded class folders (tests, IDE) and jars are listed.
     */
    private static SortedSet<String> packagedModelNames(ClassLoader loader) {
        SortedSet<String> names = new TreeSet<>();
        try {
            for (URL root : Collections.list(loader.getResources(RESOURCE_ROOT))) {
                switch (root.getProtocol()) {
                    case "file" -> namesInFolder(Path.of(root.toURI()), names);
                    case "jar" -> namesInJar(root, names);
                    default -> throw new IllegalStateException("cannot list model manifests under " + root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model manifests", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list model manifests", e);
        }
        return names;
    }

    private static void namesInFolder(Path root, Set<String> names) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(folder -> Files.isRegularFile(folder.resolve("manifest.json")))
                    .forEach(folder -> names.add(folder.getFileName().toString()));
        }
    }

    private static void namesInJar(URL root, Set<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        // A cached JarFile is shared with the class loader; closing it would break later resource loading.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            jar.stream().forEach(entry -> {
                Matcher matcher = MANIFEST_ENTRY.matcher(entry.getName());
                if (matcher.matches()) {
                    names.add(matcher.group(1));
                }
            });
        }
    }
}
