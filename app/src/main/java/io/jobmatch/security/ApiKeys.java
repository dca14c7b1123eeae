package io.jobmatch.security;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry point of the security feature: the configured API keys, each held only as the SHA-256 digest of the key, with
 * the sources it may write. A presented key is hashed and compared with every digest in constant time
 * ({@link MessageDigest#isEqual}), so neither the comparison nor the scan stops early on a partial match. A key
 * never appears in a log or an error message (a bad entry is named by its position).
 */
@Singleton
public class ApiKeys {

    /** Shorter keys are refused at startup: they could be guessed. */
    static final int MIN_KEY_LENGTH = 16;

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private record Entry(byte[] digest, SourceGrant grant) {}

    private final List<Entry> entries;

    public ApiKeys(SecuritySettings settings) {
        List<Entry> all = new ArrayList<>();
        if (settings.apiKeys() != null && !settings.apiKeys().isBlank()) {
            all.addAll(parseKeys(settings.apiKeys()));
        }
        if (settings.apiKeysFile() != null) {
            all.addAll(parseFile(settings.apiKeysFile()));
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (Arrays.equals(all.get(i).digest(), all.get(j).digest())) {
                    throw new ConfigurationException("jobmatch.security: the same API key is configured twice");
                }
            }
        }
        this.entries = List.copyOf(all);
    }

    /** What the presented key may write; empty for an unknown key. */
    public Optional<SourceGrant> grantOf(String presentedKey) {
        byte[] digest = sha256(presentedKey);
        SourceGrant found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry.grant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A random key for a service started without any (256 bits, URL-safe Base64). */
    public static String generateKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<Entry> parseKeys(String spec) {
        List<Entry> parsed = new ArrayList<>();
        String[] items = spec.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            String where = "jobmatch.security.api-keys entry " + (i + 1);
            int colon = item.lastIndexOf(':');
            if (colon <= 0) {
                throw new ConfigurationException(where + " is not <key>:<source>[|<source>…] or <key>:*");
            }
            String key = item.substring(0, colon).strip();
            if (key.length() < MIN_KEY_LENGTH || key.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException(
                        where + ": a key needs at least " + MIN_KEY_LENGTH + " characters and no spaces");
            }
            parsed.add(new Entry(sha256(key), grant(item.substring(colon + 1), where)));
        }
        return parsed;
    }

    /** {@code <sha256-hex>:<sources>} per line; blank lines and lines starting with {@code #} are skipped. */
    private static List<Entry> parseFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read jobmatch.security.api-keys-file " + file, e);
        }
        List<Entry> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int colon = line.indexOf(':');
            if (colon < 0
                    || !SHA256_HEX.matcher(line.substring(0, colon).strip()).matches()) {
                throw new ConfigurationException(where + " is not <sha256-hex>:<source>[|<source>…] or <sha256-hex>:*");
            }
            byte[] digest =
                    HexFormat.of().parseHex(line.substring(0, colon).strip().toLowerCase());
            parsed.add(new Entry(digest, grant(line.substring(colon + 1), where)));
        }
        return parsed;
    }

    private static SourceGrant grant(String spec, String where) {
        String sources = spec.strip();
        if (sources.equals("*")) {
            return SourceGrant.EVERY_SOURCE;
        }
        List<String> names =
                Arrays.stream(sources.split("\\|")).map(String::strip).toList();
        if (names.isEmpty()
                || !names.stream().allMatch(name -> SOURCE.matcher(name).matches())) {
            throw new ConfigurationException(
                    where + ": sources are source names (A-Z a-z 0-9 . _ -, at most 64) separated by |, or *");
        }
        return new SourceGrant(false, Set.copyOf(names));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
