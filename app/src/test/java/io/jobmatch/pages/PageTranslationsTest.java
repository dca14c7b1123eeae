package io.jobmatch.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every UI string is translated: each page language's bundle has exactly the base bundle's keys, with the same
 * arguments, and says most of it in its own words (a few strings, such as "{0} ({1})" or "Source", may be the same).
 */
class PageTranslationsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d}");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de", "es"})
    void everyKeyIsTranslatedWithItsArguments(String lang) {
        Properties base = bundle("i18n/pages.properties");
        Properties translated = bundle("i18n/pages_" + lang + ".properties");

        assertEquals(new TreeSet<>(base.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()));
        int same = 0;
        for (String key : base.stringPropertyNames()) {
            assertEquals(arguments(base.getProperty(key)), arguments(translated.getProperty(key)), lang + " " + key);
            if (base.getProperty(key).equals(translated.getProperty(key))) {
                same++;
            }
        }
        assertTrue(same <= 3, lang + ": " + same + " strings left in English");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "de", "es"})
    void everyPageLanguageHasABundle(String lang) {
        assertTrue(new PageLanguages().codes().contains(lang));
        assertTrue(List.of("en", "fr", "de", "es").containsAll(new PageLanguages().codes()));
        bundle("i18n/pages_" + lang + ".properties");
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(message);
        while (argument.find()) {
            found.add(argument.group());
        }
        return found;
    }

    private static Properties bundle(String name) {
        try (InputStream in = PageTranslationsTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No bundle " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
