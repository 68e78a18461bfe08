package org.guidesearch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.ui.SharedService.TwoGuides;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code <guide-search>} embedded the way a site owner would, on a page from another origin: a small JDK HTTP
 * server on its own port stands in for the owner's site, and the widget reaches the real service across origins.
 */
class EmbeddableWidgetIT extends BrowserIT {
    static HttpServer site;
    /** The two-guide service, for the pages below that embed it; set by the tests that use them. */
    static volatile String twoGuidesBase;

    @BeforeAll
    static void startSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The owner's page: the two lines from the README, plus `site` so that links stay on this test server
        // (the published guide is on the internet, which the tests never touch).
        site.createContext("/", exchange -> respond(exchange, hostPage("""
        <guide-search site="%s/guide/"></guide-search>""".formatted(siteBase()))));
        site.createContext("/no-shortcuts", exchange -> respond(exchange, hostPage("""
        <guide-search hotkey="none" site="%s/guide/"></guide-search>""".formatted(siteBase()))));
        // A page with loud global styles and a theme for the widget, to show what crosses the shadow boundary.
        site.createContext("/themed", exchange -> respond(exchange, hostPage("""
        <style>
          guide-search { --guide-search-accent: #8a1538; }
          button, .title, mark { color: rgb(0, 128, 0) !important; background: rgb(255, 0, 255) !important; }
        </style>
        <p class="title">A paragraph of the host page that happens to use the class name "title".</p>
        <guide-search site="%s/guide/"></guide-search>""".formatted(siteBase()))));
        // Pages embedding a service with two guides: one widget narrowed to the second guide, one searching both.
        site.createContext(
                "/one-of-two-guides",
                exchange -> respond(exchange, hostPage(twoGuidesBase, """
        <guide-search guide="%s"></guide-search>""".formatted(TwoGuides.SECOND))));
        site.createContext("/both-guides", exchange -> respond(exchange, hostPage(twoGuidesBase, """
        <guide-search></guide-search>""")));
        // The owner's copy of the guide: any page, showing which page and anchor was asked for.
        site.createContext(
                "/guide/",
                exchange ->
                        respond(exchange, """
        <!doctype html><html lang="en"><head><title>Guide copy</title></head>
        <body><main><h1>Guide copy</h1><p>%s</p></main></body></html>""".formatted(exchange.getRequestURI().getPath())));
        site.start();
    }

    @AfterAll
    static void stopSite() {
        if (site != null) site.stop(0);
    }

    static String siteBase() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    static String hostPage(String widget) {
        return hostPage(service.base(), widget);
    }

    static String hostPage(String serviceBase, String widget) {
        return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>An owner's site</title>
        <style>body { font: 18px Georgia, serif; color: #222; margin: 40px; } header { display: flex; gap: 24px; align-items: center; }</style>
        <script src="%s/widget.js" defer></script>
        </head>
        <body>
        <header><strong>My Python notes</strong>%s</header>
        <main><h1>Notes on CPython</h1><p>Press Ctrl K to search the guide.</p></main>
        </body>
        </html>
        """.formatted(serviceBase, widget);
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void opensWithCtrlKShowsResultsMovesWithArrowsAndEnterFollowsTheChosenLink() throws Exception {
        SearchContext widget = loadHostPage("/");
        assertThat(service.base())
                .as("the widget's page and the API are different origins")
                .doesNotStartWith(siteBase());

        pressCtrlK();
        WebElement input = openInput(widget);
        assertThat(activeIdInWidget()).isEqualTo("input");
        assertThat(input.getAttribute("role")).isEqualTo("combobox");
        assertThat(input.getAttribute("aria-controls")).isEqualTo("listbox");

        input.sendKeys("GIL");
        List<WebElement> options = browser.waitForAll(widget, "#listbox [role=option].hit", 3);
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(options.get(0).findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        JsonNode expected = service.get("/api/search?q=GIL&limit=8").json();
        browser.waitFor(
                "the count announced",
                d -> widget.findElement(By.id("live"))
                        .getText()
                        .equals("8 of " + expected.path("total").asInt() + " results for “GIL”."));

        input.sendKeys(Keys.ARROW_DOWN);
        assertThat(input.getAttribute("aria-activedescendant"))
                .isEqualTo(options.get(0).getAttribute("id"));
        input.sendKeys(Keys.ARROW_DOWN);
        assertThat(input.getAttribute("aria-activedescendant"))
                .isEqualTo(options.get(1).getAttribute("id"));
        assertThat(options.get(1).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("false");
        browser.screenshot("widget");

        input.sendKeys(Keys.ENTER);

        // The second hit's page and anchor, on the owner's copy of the guide named by `site`.
        URI second = URI.create(expected.path("hits").get(1).path("url").asText());
        String page = second.getPath().substring(second.getPath().lastIndexOf('/') + 1);
        String target = siteBase() + "/guide/" + page + "#" + second.getFragment();
        browser.waitFor("navigation to " + target, d -> d.getCurrentUrl().equals(target));
        assertThat(browser.driver().findElement(By.tagName("p")).getText()).isEqualTo("/guide/" + page);
    }

    @Test
    void theServiceAnswersTheOtherOriginsRequests() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service.base() + "/api/search?q=GIL"))
                                .header("Origin", siteBase())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");

        // And the browser agrees: a fetch from the owner's page to the service is allowed to read the answer.
        loadHostPage("/");
        Object total = browser.script("""
        return fetch(arguments[0] + '/api/search?q=GIL').then(r => r.json()).then(b => b.total, e => 'blocked: ' + e);
        """, service.base());
        assertThat(total).isInstanceOf(Long.class);
    }

    @Test
    void escapeClosesAndReturnsFocusAndRecentSearchesComeBack() {
        SearchContext widget = loadHostPage("/");
        widget.findElement(By.cssSelector("button.trigger")).click();
        WebElement input = openInput(widget);
        input.sendKeys("reference counting");
        browser.waitForAll(widget, "#listbox [role=option].hit", 1);
        input.sendKeys(Keys.ENTER); // no option chosen: Enter opens the first hit
        browser.waitFor("the guide copy", d -> d.getCurrentUrl().startsWith(siteBase() + "/guide/"));

        widget = loadHostPage("/");
        pressCtrlK();
        input = openInput(widget);
        List<WebElement> recent = browser.waitForAll(widget, "#listbox [role=option].recent", 1);
        assertThat(recent.get(0).getText()).isEqualTo("reference counting");
        assertThat(widget.findElement(By.cssSelector("[role=group]")).getAttribute("aria-labelledby"))
                .isNotBlank();

        input.sendKeys(Keys.ESCAPE);
        browser.waitFor(
                "the dialog to close",
                d -> widget(d.findElement(By.tagName("guide-search")))
                        .findElements(By.cssSelector("dialog[open]"))
                        .isEmpty());
        assertThat(activeIdInWidget()).isNull(); // focus went back to where it was (the page body) ...
        pressSlash();
        assertThat(activeIdInWidget()).as("'/' opens it too").isEqualTo("input");
    }

    @Test
    void hotkeyNoneSwitchesTheShortcutsOffButTheButtonStillOpensIt() {
        SearchContext widget = loadHostPage("/no-shortcuts");
        assertThat(widget.findElement(By.cssSelector(".keys")).getText()).isEmpty();
        pressCtrlK();
        pressSlash();
        assertThat(widget.findElements(By.cssSelector("dialog[open]"))).isEmpty();

        widget.findElement(By.cssSelector("button.trigger")).click();
        assertThat(openInput(widget).isDisplayed()).isTrue();
    }

    @Test
    void customPropertiesThemeItAndNoStyleCrossesTheShadowBoundaryEitherWay() {
        SearchContext widget = loadHostPage("/themed");
        WebElement trigger = widget.findElement(By.cssSelector("button.trigger"));
        assertThat(trigger.getCssValue("background-color"))
                .as("host button rule stays outside")
                .isNotEqualTo("rgba(255, 0, 255, 1)");
        trigger.click();
        openInput(widget).sendKeys("GIL");
        WebElement title = browser.waitForAll(widget, "#listbox [role=option].hit .title", 1)
                .get(0);
        assertThat(title.getCssValue("color"))
                .as("themed by --guide-search-accent")
                .isEqualTo("rgba(138, 21, 56, 1)");
        assertThat(title.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");

        WebElement hostParagraph = browser.driver().findElement(By.cssSelector("p.title"));
        assertThat(hostParagraph.getCssValue("font-weight"))
                .as("the widget's .title rule stays inside")
                .isEqualTo("400");
        assertThat(hostParagraph.getCssValue("color")).isEqualTo("rgba(0, 128, 0, 1)");
    }

    @Test
    void followsADarkColourSchemePreference() {
        browser.emulateColorScheme("dark");
        try {
            SearchContext widget = loadHostPage("/");
            pressCtrlK();
            openInput(widget).sendKeys("asyncio");
            browser.waitForAll(widget, "#listbox [role=option].hit", 3);
            assertThat(widget.findElement(By.cssSelector("dialog")).getCssValue("background-color"))
                    .isEqualTo("rgba(28, 32, 41, 1)");
            browser.screenshot("widget-dark");
        } finally {
            browser.emulateColorScheme("");
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsInTheOpenWidget() {
        SearchContext widget = loadHostPage("/");
        pressCtrlK();
        openInput(widget).sendKeys("asyncio");
        List<WebElement> options = browser.waitForAll(widget, "#listbox [role=option].hit", 3);
        openInput(widget).sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // Label in name (WCAG 2.5.3): a voice-control user says what they see. The close button shows "Esc".
        assertThat(widget.findElement(By.cssSelector("button.close")).getAccessibleName())
                .isEqualTo("Esc Close search");
        // A hit is named by its title and crumbs; its snippet, visible but not a label, stays its description.
        WebElement first = options.get(0);
        String title = first.findElement(By.cssSelector(".title")).getText();
        String crumbs = first.findElement(By.cssSelector(".crumbs")).getText();
        String snippet = first.findElement(By.cssSelector(".snippet")).getText();
        assertThat(first.getAccessibleName()).isEqualTo(title + " " + crumbs);
        assertThat(browser.accessibleDescriptions("option")).containsEntry(title + " " + crumbs, snippet);
    }

    @Test
    void aGuideAttributeKeepsSearchesAndSuggestionsToThatGuideAndHitsNameTheirGuideOnlyWhenTheyMayDiffer(TwoGuides two)
            throws Exception {
        twoGuidesBase = two.base();
        String q = "reference counting";
        JsonNode both = two.service()
                .get("/api/search?limit=8&q=" + RunningService.enc(q))
                .json();
        assertThat(both.path("facets").path("guide").path(TwoGuides.PYTHON).asInt())
                .as("the other guide matches too")
                .isPositive();

        SearchContext widget = loadHostPage("/one-of-two-guides");
        pressCtrlK();
        openInput(widget).sendKeys(q);
        List<WebElement> hits = browser.waitForAll(widget, "#listbox [role=option].hit", 1);
        assertThat(hits)
                .allSatisfy(o -> assertThat(o.getAttribute("data-href"))
                        .satisfiesAnyOf(
                                h -> assertThat(h).startsWith(TwoGuides.SECOND_SITE),
                                h -> assertThat(h).contains("/concepts/")));
        assertThat(hits).extracting(o -> o.getText()).noneMatch(t -> t.contains(TwoGuides.SECOND_TITLE));
        JsonNode second = two.service()
                .get("/api/search?limit=8&guide=" + TwoGuides.SECOND + "&q=" + RunningService.enc(q))
                .json();
        browser.waitFor(
                "the second guide's count announced",
                d -> widget.findElement(By.id("live"))
                        .getText()
                        .startsWith(second.path("total").asInt() + " "));
        assertThat(widget.findElement(By.id("all")).getAttribute("href")).endsWith("guide=" + TwoGuides.SECOND);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        SearchContext unrestricted = loadHostPage("/both-guides");
        pressCtrlK();
        openInput(unrestricted).sendKeys(q);
        // The first group holds the sections; each names its guide before its breadcrumb.
        List<WebElement> mixed =
                browser.waitForAll(unrestricted, "#listbox [role=group]:first-child [role=option].hit .crumbs", 2);
        String pythonTitle = two.service()
                .get("/api/guides")
                .json()
                .path("guides")
                .get(0)
                .path("title")
                .asText();
        assertThat(mixed)
                .extracting(WebElement::getText)
                .allSatisfy(c -> assertThat(c)
                        .matches("(" + java.util.regex.Pattern.quote(pythonTitle) + "|"
                                + java.util.regex.Pattern.quote(TwoGuides.SECOND_TITLE) + ")( › .*)?"));
        browser.screenshot("widget-two-guides");
    }

    /** Opens a page of the owner's site and returns the widget's shadow root once the element is defined. */
    private SearchContext loadHostPage(String path) {
        browser.open(siteBase() + path);
        browser.waitFor(
                "<guide-search> to be defined",
                d -> browser.script(
                        "return !!customElements.get('guide-search') && !!document.querySelector('guide-search').shadowRoot"));
        return widget(browser.driver().findElement(By.tagName("guide-search")));
    }

    private static SearchContext widget(WebElement host) {
        return host.getShadowRoot();
    }

    private WebElement openInput(SearchContext widget) {
        browser.waitFor(
                "the dialog to open",
                d -> !widget.findElements(By.cssSelector("dialog[open]")).isEmpty());
        return widget.findElement(By.id("input"));
    }

    private void pressCtrlK() {
        new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys("k")
                .keyUp(Keys.CONTROL)
                .perform();
    }

    private void pressSlash() {
        new Actions(browser.driver()).sendKeys("/").perform();
    }

    /** The id of the focused element inside the widget's shadow root, or null when focus is outside it. */
    private String activeIdInWidget() {
        return (String) browser.script("""
        const active = document.querySelector('guide-search').shadowRoot.activeElement;
        return active ? active.id || active.className : null;
        """);
    }
}
