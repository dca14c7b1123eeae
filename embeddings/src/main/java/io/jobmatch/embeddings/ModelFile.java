package io.jobmatch.embeddings;

import java.util.Objects;

/**
 * One file a model needs.
 *
 * @param role     {@value #MODEL} or {@value #TOKENIZER}
 * @param location path relative to the model's folder, or {@code classpath:NAME} for files shipped in a jar
 * @param sha256   expected lower-case hex SHA-256; {@code null} only while a download is not yet pinned
 *                 (see {@code models/README.md}, trust on first use)
 * @param url      where {@code models/fetch-model.sh} downloads it from; {@code null} for classpath files
 */
public record ModelFile(String role, String location, String sha256, String url) {

    public static final String MODEL = "model";
    public static final String TOKENIZER = "tokenizer";
    static final String CLASSPATH_SCHEME = "classpath:";

    public ModelFile {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(location, "location");
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "sha256 of " + location + " must be 64 lower-case hex digits: " + sha256);
        }
    }

    public boolean onClasspath() {
        return location.startsWith(CLASSPATH_SCHEME);
    }

    /** Resource name for a classpath file. */
    String resourceName() {
        return location.substring(CLASSPATH_SCHEME.length());
    }
}
