package io.jobmatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code JOBMATCH_API_KEYS} and the keys file are read, and what a bad entry says (never the key). */
class ApiKeysConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void keysMapToTheirSources() {
        ApiKeys keys = new ApiKeys(
                new SecuritySettings(" alpha-key-0123456789:feed-a|feed.b , omega-key-0123456789:* ", null));

        assertEquals(
                Optional.of(new SourceGrant(false, Set.of("feed-a", "feed.b"))), keys.grantOf("alpha-key-0123456789"));
        assertEquals(Optional.of(SourceGrant.EVERY_SOURCE), keys.grantOf("omega-key-0123456789"));
        assertEquals(Optional.empty(), keys.grantOf("alpha-key-012345678"));
        assertEquals(Optional.empty(), keys.grantOf(""));
        assertTrue(keys.grantOf("omega-key-0123456789").orElseThrow().mayWrite("anything"));
        assertFalse(keys.grantOf("alpha-key-0123456789").orElseThrow().mayWrite("feed-c"));
    }

    @Test
    void noKeysConfiguredAcceptsNoKey() {
        ApiKeys keys = new ApiKeys(new SecuritySettings("", null));

        assertFalse(new SecuritySettings("", null).configured());
        assertEquals(Optional.empty(), keys.grantOf("anything-at-all-0123"));
    }

    @Test
    void badEntriesAreRefusedWithoutShowingTheKey() {
        for (String spec : new String[] {
            "short:feed-a",
            "secret-key-0123456789",
            "secret-key-0123456789:",
            "secret-key-0123456789:feed a",
            "secret-key-0123456789:feed-a||feed-b",
            "secret key 0123456789:feed-a",
            "secret-key-0123456789:feed-a,secret-key-0123456789:feed-b"
        }) {
            ConfigurationException refused =
                    assertThrows(ConfigurationException.class, () -> new ApiKeys(new SecuritySettings(spec, null)));
            assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
        }
    }

    @Test
    void theKeysFileHoldsHashesAndComments() throws Exception {
        Path file = dir.resolve("keys");
        // printf '%s' 'file-key-0123456789' | sha256sum
        String hash = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("file-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Files.writeString(file, "# importer of feed x\n\n  " + hash + " : feed-x|feed-y  \n");

        ApiKeys keys = new ApiKeys(new SecuritySettings(null, file));

        assertEquals(
                Optional.of(new SourceGrant(false, Set.of("feed-x", "feed-y"))), keys.grantOf("file-key-0123456789"));
        assertEquals(Optional.empty(), keys.grantOf(hash), "the hash itself is not a key");
        Files.writeString(file, hash + "\n");
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> new ApiKeys(new SecuritySettings(null, file)));
        assertTrue(refused.getMessage().contains("line 1"), refused.getMessage());
    }

    @Test
    void generatedKeysAreLongAndDistinct() {
        String one = ApiKeys.generateKey();
        assertEquals(43, one.length());
        assertFalse(one.equals(ApiKeys.generateKey()));
        assertTrue(
                new ApiKeys(new SecuritySettings(one + ":*", null)).grantOf(one).isPresent());
    }
}
