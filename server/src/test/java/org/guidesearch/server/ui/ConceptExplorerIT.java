package org.guidesearch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The concept explorer at {@code /concepts/{id}}: a vis-network graph drawn from the real concept graph. */
class ConceptExplorerIT extends BrowserIT {
    @Test
    void drawsTheConceptsNeighbourhoodAndExpandsANeighbourOnClick() throws Exception {
        openSettled("gil");
        List<String> shown = shownNodeIds();
        JsonNode neighbours =
                service.get("/api/concepts/gil/neighbours?depth=1&limit=25").json();
        assertThat(shown).contains("gil").hasSizeGreaterThan(10);
        neighbours
                .path("nodes")
                .forEach(n -> assertThat(shown).contains(n.path("id").asText()));
        assertThat(browser.driver().findElement(By.id("panel-heading")).getText())
                .isEqualTo("Global Interpreter Lock");

        clickNode("threads");

        browser.waitFor(
                "Threads selected",
                d -> d.findElement(By.id("panel-heading")).getText().equals("Threads"));
        browser.waitFor(
                "the URL to follow the selection", d -> d.getCurrentUrl().endsWith("/concepts/threads"));
        JsonNode threads =
                service.get("/api/concepts/threads/neighbours?depth=1&limit=25").json();
        browser.waitFor("Threads' neighbours added", d -> {
            List<String> now = shownNodeIds();
            return now.size() > shown.size() && containsAll(now, threads.path("nodes"));
        });
        waitUntilSettled();
        browser.script("window.scrollTo(0, 0)");
        // The pointer rests on an empty corner of the canvas, so no tooltip covers the picture.
        WebElement canvas = browser.driver().findElement(By.cssSelector("#graph canvas"));
        new Actions(browser.driver())
                .moveToElement(
                        canvas,
                        4 - canvas.getSize().getWidth() / 2,
                        4 - canvas.getSize().getHeight() / 2)
                .perform();
        waitUntilSettled(); // the view is framed around the grown graph once it is at rest
        browser.screenshot("explorer");
    }

    @Test
    void theSelectedConceptListsItsSectionsLinkingToTheGuideAndToSearch() throws Exception {
        openSettled("gil");
        JsonNode gil = service.get("/api/concepts/gil").json();
        List<WebElement> sections = browser.waitForAll(
                browser.driver(), "#panel .section-list a", gil.path("sections").size());

        JsonNode home = gil.path("sections").get(0);
        String homeUrl = service.get("/api/sections/" + home.path("doc").asText() + "/"
                        + home.path("anchor").asText())
                .json()
                .path("url")
                .asText();
        assertThat(sections.get(0).getAttribute("href"))
                .isEqualTo(homeUrl)
                .isEqualTo(
                        "https://couleslaw.github.io/other/ai-gen/python-guide/part5.html#131-the-global-interpreter-lock-gil");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#panel .section-list li"))
                        .getText())
                .contains("main section");
        WebElement search = browser.driver()
                .findElement(By.xpath("//aside[@id='panel']//a[starts-with(., 'Search the guide for')]"));
        assertThat(search.getAttribute("href")).isEqualTo(service.base() + "/?q=Global%20Interpreter%20Lock");
    }

    @Test
    void theConceptPanelSaysWhetherTheConceptWasCuratedOrExtracted() throws Exception {
        // One concept of each source, as the API tells them apart, so the test follows the data instead of ids.
        Map<String, String> idBySource = new TreeMap<>();
        service.get("/api/concepts/gil/neighbours?depth=1&limit=25")
                .json()
                .path("nodes")
                .forEach(n -> idBySource.putIfAbsent(
                        n.path("source").asText(), n.path("id").asText()));
        assertThat(idBySource).containsKeys("curated", "extracted");

        Map<String, String> tooltipBySource = new TreeMap<>();
        for (String id : List.of(idBySource.get("curated"), idBySource.get("extracted"))) {
            String source =
                    service.get("/api/concepts/" + id).json().path("source").asText();
            openSettled(id);
            WebElement tag = browser.driver().findElement(By.cssSelector("#panel .kind .source-tag"));
            assertThat(tag.getText()).as("the source tag of %s", id).isEqualTo(source);
            tooltipBySource.put(source, tag.getAttribute("title"));
            // What a concept lacks (a definition, aliases) is left out, never printed as the text "null".
            assertThat(browser.script("return [...document.getElementById('panel').childNodes]"
                            + ".filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent)"))
                    .asList()
                    .isEmpty();
        }
        // The tooltip explains the word, differently for each source.
        assertThat(tooltipBySource.get("curated")).contains("owner");
        assertThat(tooltipBySource.get("extracted")).contains("automatically");
    }

    @Test
    void everyConnectionSaysWhetherItWasCuratedOrExtractedInWordsAndByItsLine() throws Exception {
        openSettled("gil");
        Map<String, String> sourceByEdge = new HashMap<>();
        service.get("/api/concepts/gil/neighbours?depth=1&limit=25")
                .json()
                .path("edges")
                .forEach(e -> sourceByEdge.put(
                        e.path("from").asText() + "|" + e.path("type").asText() + "|"
                                + e.path("to").asText(),
                        e.path("source").asText()));

        // The panel's connection list: each item's tag is the API's source of that very edge.
        Map<String, String> listed = new HashMap<>();
        for (WebElement item : browser.waitForAll(browser.driver(), "#connections li[data-edge]", 1)) {
            listed.put(
                    item.getAttribute("data-edge"),
                    item.findElement(By.cssSelector(".source-tag")).getText());
        }
        assertThat(sourceByEdge).containsKeys(listed.keySet().toArray(String[]::new));
        listed.forEach((edge, word) -> assertThat(word).as(edge).isEqualTo(sourceByEdge.get(edge)));
        assertThat(listed.values()).contains("curated", "extracted");

        // The graph: an edge is dashed exactly when it was extracted, and the legend says so in words.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn =
                (List<Map<String, Object>>) browser.script("return window.conceptExplorer.shownEdges()");
        assertThat(drawn).hasSize((int) shownEdgeCount());
        for (Map<String, Object> edge : drawn) {
            String id = (String) edge.get("id");
            assertThat(sourceByEdge).containsKey(id);
            assertThat(edge.get("dashed")).as("%s dashed", id).isEqualTo("extracted".equals(sourceByEdge.get(id)));
        }
        assertThat(drawn).extracting(e -> e.get("dashed")).contains(true, false);
        assertThat(browser.driver().findElement(By.id("source-legend")).getText())
                .contains("Solid line: curated by the guide’s owner")
                .contains("Dashed line: extracted from the guide’s text");

        // Asking why an extracted connection is drawn says where it comes from in a sentence.
        String extracted = listed.entrySet().stream()
                .filter(e -> e.getValue().equals("extracted"))
                .findFirst()
                .orElseThrow()
                .getKey();
        browser.driver()
                .findElement(
                        By.cssSelector("#connections li[data-edge='" + extracted + "'] button[aria-label^=Evidence]"))
                .click();
        WebElement why = browser.waitFor(
                "the connection's source", d -> d.findElement(By.cssSelector("#edge-detail .edge-source")));
        assertThat(why.findElement(By.cssSelector(".source-tag")).getText()).isEqualTo("extracted");
        assertThat(why.getText()).contains("automatically");
        browser.screenshot("explorer-sources");
    }

    @Test
    void switchingOffARelationTypeHidesItsEdgesAndTheConceptsOnlyTheyJoined() {
        openSettled("gil");
        long edgesBefore = shownEdgeCount();
        int nodesBefore = shownNodeIds().size();
        WebElement relatedTo = browser.driver().findElement(By.cssSelector("#relation-filter input[value=RELATED_TO]"));

        relatedTo.click();
        browser.waitFor("fewer edges", d -> shownEdgeCount() < edgesBefore);
        assertThat(shownNodeIds().size()).isLessThan(nodesBefore);
        assertThat(browser.driver().findElement(By.id("connections")).getText()).doesNotContain("related to");

        relatedTo.click();
        browser.waitFor("the edges back", d -> shownEdgeCount() == edgesBefore);
        assertThat(shownNodeIds()).hasSize(nodesBefore);
    }

    @Test
    void thePathBetweenTwoConceptsIsDrawnAndListedHopByHop() throws Exception {
        openSettled("gil");
        JsonNode path = service.get("/api/concepts/path?from=gil&to=decorators").json();
        WebElement to = browser.driver().findElement(By.id("path-to"));
        to.sendKeys("Decorators");
        browser.driver()
                .findElement(By.xpath("//form[@id='path-form']//button[.='Find path']"))
                .click();

        // Several shortest paths may tie (GIL → JIT → Decorators, GIL → PyPy → Decorators), so the length is what
        // must agree with the API, and the ends.
        List<WebElement> steps = browser.waitForAll(
                browser.driver(),
                "#path-detail .path-steps > li",
                path.path("nodes").size());
        assertThat(steps).hasSize(path.path("nodes").size());
        assertThat(steps.get(0).getText()).isEqualTo("Global Interpreter Lock");
        assertThat(steps.get(steps.size() - 1).getText()).contains("Decorators");
        assertThat(steps.get(1).findElements(By.cssSelector("a"))).isNotEmpty(); // the evidence sections of the hop
        assertThat(shownNodeIds()).contains("decorators");
        assertThat(browser.driver().findElement(By.id("message")).getText())
                .isEqualTo("Global Interpreter Lock reaches Decorators in "
                        + path.path("edges").size() + " steps.");
    }

    @Test
    void anUnknownConceptSaysSoAndOffersTheLookup() {
        browser.open(service.base() + "/concepts/no-such-concept");
        browser.waitFor(
                "the message",
                d -> d.findElement(By.id("message"))
                        .getText()
                        .equals("There is no concept “no-such-concept”. Look one up by name above."));
        assertThat(browser.driver().findElement(By.id("panel-heading")).getText())
                .isEqualTo("Pick a concept");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsInTheExplorer() {
        openSettled("gil");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    private void openSettled(String id) {
        browser.open(service.base() + "/concepts/" + id);
        browser.waitFor(
                "the graph of " + id,
                d -> d.findElement(By.id("panel-heading")).getText().length() > 0
                        && !d.findElement(By.id("panel-heading")).getText().equals("Pick a concept")
                        && shownNodeIds().size() > 1);
        waitUntilSettled();
    }

    /**
     * Waits until nothing moves between two looks: neither a node (physics at rest) nor the view (no zoom or pan
     * animation running), so clicks land on the nodes and screenshots show the final picture.
     */
    @SuppressWarnings("unchecked")
    private void waitUntilSettled() {
        Map<String, Number>[] last = new Map[] {Map.of()};
        browser.waitFor("the graph to come to rest", d -> {
            Map<String, Number> now = (Map<String, Number>) browser.script("""
          const explorer = window.conceptExplorer, flat = {};
          for (const [id, p] of Object.entries(explorer.positions())) { flat[id + '.x'] = p.x; flat[id + '.y'] = p.y; }
          const view = explorer.network.getViewPosition();
          return Object.assign(flat, {scale: explorer.network.getScale() * 1000, viewX: view.x, viewY: view.y});
          """);
            boolean still = now.keySet().equals(last[0].keySet())
                    && now.entrySet().stream()
                            .allMatch(e -> Math.abs(last[0].get(e.getKey()).doubleValue()
                                            - e.getValue().doubleValue())
                                    < 0.5);
            last[0] = now;
            return still;
        });
    }

    /** A real mouse click where vis-network drew the node (viewport coordinates, with the graph scrolled into view). */
    @SuppressWarnings("unchecked")
    private void clickNode(String id) {
        Map<String, Number> at = (Map<String, Number>) browser.script("""
        const canvas = document.querySelector('#graph canvas');
        canvas.scrollIntoView({block: 'center'});
        const box = canvas.getBoundingClientRect();
        const node = window.conceptExplorer.positionOf(arguments[0]);
        return {x: box.left + node.x, y: box.top + node.y};
        """, id);
        new Actions(browser.driver())
                .moveToLocation(at.get("x").intValue(), at.get("y").intValue())
                .click()
                .perform();
    }

    @SuppressWarnings("unchecked")
    private List<String> shownNodeIds() {
        return (List<String>)
                browser.script("return window.conceptExplorer ? window.conceptExplorer.shownNodeIds() : []");
    }

    private long shownEdgeCount() {
        return ((Number) browser.script("return window.conceptExplorer.shownEdgeCount()")).longValue();
    }

    private static boolean containsAll(List<String> ids, JsonNode nodes) {
        for (JsonNode n : nodes) {
            if (!ids.contains(n.path("id").asText())) return false;
        }
        return true;
    }
}
