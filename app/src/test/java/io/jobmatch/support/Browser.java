package io.jobmatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver: the real browser of the page tests. Nothing is
 * downloaded (no Selenium Manager): both paths are given, {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * unless {@code JOBMATCH_CHROMIUM} / {@code JOBMATCH_CHROMEDRIVER} say otherwise. A missing browser fails the test
 * with the command that installs it; it never skips.
 */
public final class Browser implements AutoCloseable {

    /** Long enough for a search with the real model on a busy two-core machine. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String base;

    public Browser(String baseUrl) {
        Path chromium = executable("JOBMATCH_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("JOBMATCH_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=en",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static Path executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the browser tests need Debian's Chromium and its "
                    + "driver (apt-get install -y chromium chromium-driver; .ci/run installs them), or set "
                    + variable);
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matches, after a navigation such as a form submission. */
    public WebElement await(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets a field's value as if typed, without typing a whole CV key by key. */
    public void fill(String css, String value) {
        script("arguments[0].value = arguments[1];", find(css), value);
    }

    /** Clicks, then waits for the page that the click loads (the old page's body goes stale). */
    public void clickAndWait(WebElement element) {
        WebElement body = find("body");
        element.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(body));
        new WebDriverWait(driver, WAIT)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Emulates a phone screen of this CSS width (device metrics, not the window, so the width is exact). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * Writes a PNG of the page from its top, beyond the window when the page is longer, at most {@code maxHeight}
     * CSS pixels high.
     */
    @SuppressWarnings("unchecked")
    public void screenshot(Path file, int maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of(
                "x", 0,
                "y", 0,
                "width",
                        Math.max(
                                content.get("width").doubleValue(),
                                ((Number) script("return window.innerWidth;")).doubleValue()),
                "height", Math.min(maxHeight, content.get("height").doubleValue()),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
