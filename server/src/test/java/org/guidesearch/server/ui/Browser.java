package org.guidesearch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.naming.OperationNotSupportedException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver — never a downloaded browser or driver.
 * A fresh profile per instance (so localStorage starts empty), host names resolve to nothing (so a page cannot
 * reach the internet by accident), and every page records its uncaught script errors for {@link #pageErrors()}.
 * Not thread safe: one test class, one browser.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots land here as build artifacts (the module's target folder: failsafe runs in the module). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RECORD_ERRORS = """
      window.__pageErrors = [];
      addEventListener('error', e => window.__pageErrors.push(String(e.message || e)));
      addEventListener('unhandledrejection', e => window.__pageErrors.push('unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
      """;

    private final ChromeDriver driver;
    private final Path profile;
    private List<String> experimentalRules;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium; fails (never skips) with what to install when the Debian packages are missing. */
    static Browser start() throws IOException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(
                        binary + " is missing: the browser tests drive Debian's Chromium. Install it with "
                                + "'apt-get install -y chromium chromium-driver' (.ci/run does this).");
            }
        }
        // Tells Selenium where the driver is, so Selenium Manager never tries to download one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("guide-search-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,1300",
                "--lang=en-US",
                "--force-color-profile=srgb",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_ERRORS));
        return new Browser(driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        // Pages re-render as answers arrive, so an element found a moment ago may be replaced: look again.
        return new WebDriverWait(driver, WAIT)
                .withMessage(what)
                .pollingEvery(Duration.ofMillis(150))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Elements matching {@code css} under {@code root}, waiting until there are at least {@code atLeast}. */
    List<WebElement> waitForAll(SearchContext root, String css, int atLeast) {
        return waitFor(atLeast + "× " + css, d -> {
            List<WebElement> found = root.findElements(By.cssSelector(css));
            return found.size() >= atLeast ? found : null;
        });
    }

    /** Makes pages see {@code prefers-color-scheme: scheme} ("dark", "light"); "" restores the default. */
    void emulateColorScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Writes {@code target/screenshots/NAME.png} and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("saving screenshot " + name, e);
        }
    }

    /** Uncaught errors and unhandled promise rejections of the current page since it loaded. */
    @SuppressWarnings("unchecked")
    List<String> pageErrors() {
        Object errors = script("return window.__pageErrors || []");
        return (List<String>) errors;
    }

    /**
     * axe-core's serious and critical violations on the current page, one line each, shadow roots included
     * (axe walks open shadow roots by itself). Its experimental rules run too, on top of the default set: among them
     * is label-content-name-mismatch (WCAG 2.5.3 Label in Name), which axe leaves out unless asked.
     */
    List<String> seriousAccessibilityViolations() {
        List<String> experimental = experimentalAxeRules();
        Results results = new AxeBuilder().withRules(experimental).analyze(driver);
        assertThat(results.isErrored())
                .as("axe failed: %s", results.getErrorMessage())
                .isFalse();
        List<String> ran = Stream.of(
                        results.getViolations(),
                        results.getPasses(),
                        results.getIncomplete(),
                        results.getInapplicable())
                .flatMap(List::stream)
                .map(Rule::getId)
                .toList();
        assertThat(ran)
                .as("axe ran its experimental rules")
                .contains("label-content-name-mismatch")
                .containsAll(experimental);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    /**
     * Chromium's accessible description of each node with ARIA role {@code role}, by accessible name (shadow roots
     * included): what a screen reader announces after the name.
     */
    @SuppressWarnings("unchecked")
    Map<String, String> accessibleDescriptions(String role) {
        List<Map<String, Object>> nodes =
                (List<Map<String, Object>>) driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of())
                        .get("nodes");
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Map<String, Object> node : nodes) {
            if (Boolean.TRUE.equals(node.get("ignored")) || !role.equals(value(node, "role"))) continue;
            descriptions.putIfAbsent(String.valueOf(value(node, "name")), String.valueOf(value(node, "description")));
        }
        return descriptions;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> node, String property) {
        Object field = node.get(property);
        return field instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("value") : null;
    }

    /**
     * The ids of the rules the bundled axe tags "experimental", asked of axe itself (so a newer axe's new ones are
     * included): axe's tag options select rules *only* by tag, so enabling these by id is how to get "the default
     * rules plus the experimental ones".
     */
    @SuppressWarnings("unchecked")
    private List<String> experimentalAxeRules() {
        if (experimentalRules == null) {
            String axe;
            try {
                axe = new EmbeddedResourceAxeProvider().getScript();
            } catch (IOException | OperationNotSupportedException e) {
                throw new IllegalStateException("reading the bundled axe-core", e);
            }
            experimentalRules = List.copyOf(
                    (List<String>) script(axe + "\n;return axe.getRules(['experimental']).map(rule => rule.ruleId);"));
            assertThat(experimentalRules).as("axe's experimental rules").contains("label-content-name-mismatch");
        }
        return experimentalRules;
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .limit(5)
                        .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless; the test result is what matters.
            }
        }
    }
}
