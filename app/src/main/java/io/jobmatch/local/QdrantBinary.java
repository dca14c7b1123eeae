package io.jobmatch.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The Qdrant server binary pinned in the repository's {@code qdrant.properties}, which the build copies next to this
 * class: the service checks a binary against the same SHA-256 as {@code tools/fetch-qdrant.sh} before it ever runs it.
 */
public final class QdrantBinary {

    private static final Properties PIN = pin();
    public static final String VERSION = pinned("version");
    private static final String SHA256 = pinned("sha256");
    public static final String DEFAULT_LOCATION = ".cache/qdrant/" + VERSION + "/qdrant";

    private QdrantBinary() {}

    /** Returns {@code path} once it is verified; otherwise fails with what to run. */
    public static Path verified(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Qdrant " + VERSION + " binary not found at " + path
                    + ". Run tools/fetch-qdrant.sh (./jobmatch does it for you), set JOBMATCH_QDRANT_BINARY, "
                    + "or point the service at an external Qdrant with JOBMATCH_QDRANT_HOST.");
        }
        String actual = sha256(path);
        if (!actual.equals(SHA256)) {
            throw new IllegalStateException("Qdrant binary " + path + " has SHA-256 " + actual + ", expected " + SHA256
                    + ". Delete it and run tools/fetch-qdrant.sh again.");
        }
        return path;
    }

    private static Properties pin() {
        try (InputStream in = QdrantBinary.class.getResourceAsStream("qdrant.properties")) {
            if (in == null) {
                throw new IllegalStateException("qdrant.properties is not on the classpath; build with ./mvnw");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pinned(String key) {
        String value = PIN.getProperty(key, "");
        if (value.isBlank()) {
            throw new IllegalStateException("qdrant.properties has no " + key);
        }
        return value.strip();
    }

    private static String sha256(Path path) {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
