package io.jobmatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * axe-core, the accessibility checker, injected into the page under test. The file is the one tools/fetch-axe.sh
 * installed ({@code ./jobmatch test} runs it), checked against the SHA-256 pinned in tools/axe-core.properties.
 */
public final class Axe {

    /** One rule broken on the page, with how bad axe says it is and where. */
    public record Violation(String rule, String impact, String help, List<String> targets) {}

    private final String source;

    public Axe() {
        Path root = TestServers.repositoryRoot();
        Properties pin = new Properties();
        try {
            pin.load(Files.newBufferedReader(root.resolve("tools/axe-core.properties"), StandardCharsets.UTF_8));
            Path file = root.resolve(".cache/axe-core/" + pin.getProperty("version") + "/axe.min.js");
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " is missing: run tools/fetch-axe.sh (./jobmatch test does)");
            }
            byte[] bytes = Files.readAllBytes(file);
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!sha256.equals(pin.getProperty("sha256"))) {
                throw new IllegalStateException(
                        file + " does not match the SHA-256 pinned in tools/axe-core.properties");
            }
            source = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs axe on the browser's current page (WCAG 2.x A and AA rules and axe's best practices). */
    @SuppressWarnings("unchecked")
    public List<Violation> check(Browser browser) {
        browser.script(source);
        Object result = browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']})"
                                + ".then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,"
                                + " targets: v.nodes.map(n => n.target.join(' '))}))))"
                                + ".catch(e => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));");
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            violations.add(new Violation(
                    (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), (List<String>)
                            v.get("targets")));
        }
        return violations;
    }

    /** The violations axe rates critical or serious. */
    public List<Violation> severe(Browser browser) {
        return check(browser).stream()
                .filter(v -> "critical".equals(v.impact()) || "serious".equals(v.impact()))
                .toList();
    }
}
