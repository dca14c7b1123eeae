package io.jobmatch.embeddings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model file whose bytes matched the pinned SHA-256: either on disk ({@code path}) or, for classpath files,
 * already in memory ({@code content}). Exactly one of the two is set.
 */
record VerifiedFile(ModelFile file, Path path, byte[] content) {

    VerifiedFile {
        if ((path == null) == (content == null)) {
            throw new IllegalArgumentException("exactly one of path and content must be set");
        }
    }

    InputStream open() throws IOException {
        return content != null ? new ByteArrayInputStream(content) : Files.newInputStream(path);
    }
}
