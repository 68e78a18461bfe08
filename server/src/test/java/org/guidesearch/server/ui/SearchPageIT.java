package org.guidesearch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.ui.SharedService.TwoGuides;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The search page at {@code /} in headless Chromium against the real service and the real guide. */
class SearchPageIT extends BrowserIT {
    @Test
    void typingShowsHighlightedHitsWithBreadcrumbsFacetsAndConceptChips() throws Exception {
        browser.open(service.base() + "/");
        browser.driver().findElement(By.id("q")).sendKeys("GIL");

        List<WebElement> hits = browser.waitForAll(browser.driver(), "#hits .hit", 3);
        JsonNode first =
                service.get("/api/search?q=GIL&limit=10").json().path("hits").get(0);
        WebElement link = hits.get(0).findElement(By.cssSelector("h3 a"));
        assertThat(link.getText()).isEqualTo(first.path("title").asText().replace("`", ""));
        assertThat(link.getAttribute("href"))
                .isEqualTo(first.path("url").asText())
                .startsWith("https://");
        assertThat(hits.get(0).findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        assertThat(hits.get(0).findElement(By.cssSelector(".crumbs")).getText()).contains("Part V");
        assertThat(hits.get(0).findElements(By.cssSelector("a.concept-chip")))
                .extracting(a -> a.getAttribute("href"))
                .contains(service.base() + "/concepts/gil");
        assertThat(browser.driver().findElements(By.cssSelector("#facets button.chip")))
                .hasSizeGreaterThan(2);
        assertThat(browser.driver().findElement(By.id("status")).getText()).contains("sections for “GIL”");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/?q=GIL");
        browser.waitForAll(browser.driver(), "#side-concepts .concept-card", 1);
        browser.screenshot("search");
    }

    @Test
    void arrowKeysMoveThroughTheHitsAndEscapeReturnsToTheBox() {
        browser.open(service.base() + "/?q=" + RunningService.enc("reference counting"));
        List<WebElement> links = browser.waitForAll(browser.driver(), "#hits .hit-link", 3);
        WebElement box = browser.driver().findElement(By.id("q"));
        box.click();

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(focused()).isEqualTo(links.get(0));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(focused()).isEqualTo(links.get(1));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertThat(focused()).isEqualTo(links.get(0));
        // The focused element is the hit's own link, so Enter follows exactly the chosen hit's deep link.
        assertThat(focused().getTagName()).isEqualTo("a");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(focused()).isEqualTo(box);
    }

    @Test
    void aSharedUrlRestoresTheQueryThePartAndThePage() throws Exception {
        browser.open(service.base() + "/?q=python&doc=part5.md&page=2");
        List<WebElement> links = browser.waitForAll(browser.driver(), "#hits .hit-link", 1);

        assertThat(browser.driver().findElement(By.id("q")).getAttribute("value"))
                .isEqualTo("python");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#facets [aria-pressed=true]"))
                        .getText())
                .startsWith("Part V");
        assertThat(links).allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/part5.html#"));
        JsonNode page2 = service.get("/api/search?q=python&doc=part5.md&limit=10&offset=10")
                .json();
        assertThat(links.get(0).getAttribute("href"))
                .isEqualTo(page2.path("hits").get(0).path("url").asText());
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#pager a[aria-current=page]"))
                        .getText())
                .isEqualTo("2");
    }

    @Test
    void aFacetChipNarrowsToOnePartAndThePagerPages() {
        browser.open(service.base() + "/?q=python");
        browser.waitForAll(browser.driver(), "#hits .hit-link", 10);
        WebElement partV = browser.driver().findElements(By.cssSelector("#facets button.chip")).stream()
                .filter(b -> b.getText().startsWith("Part V"))
                .findFirst()
                .orElseThrow();
        partV.click();
        browser.waitFor("the URL to name the part", d -> d.getCurrentUrl().contains("doc=part5.md"));
        browser.waitFor(
                "only Part V hits",
                d -> d.findElements(By.cssSelector("#hits .hit-link")).stream()
                        .allMatch(a -> a.getAttribute("href").contains("/part5.html#")));

        String firstOnPage1 =
                browser.driver().findElement(By.cssSelector("#hits .hit-link")).getAttribute("href");
        browser.driver()
                .findElement(By.cssSelector("#pager a[aria-label='Next page']"))
                .click();
        browser.waitFor("page 2", d -> d.getCurrentUrl().contains("page=2"));
        browser.waitFor(
                "other hits on page 2",
                d -> !d.findElement(By.cssSelector("#hits .hit-link"))
                        .getAttribute("href")
                        .equals(firstOnPage1));
        assertThat(focused().getAttribute("class")).contains("hit-link");
    }

    @Test
    void anEmptyResultOffersAllPartsAndRelatedConcepts() {
        browser.open(service.base() + "/?q=asyncio&doc=part3.md");
        WebElement empty = browser.waitFor("the empty state", d -> {
            WebElement e = d.findElement(By.id("empty"));
            return e.isDisplayed()
                            && !e.findElements(By.cssSelector("a.concept-chip")).isEmpty()
                    ? e
                    : null;
        });
        assertThat(empty.getText()).contains("Nothing in the guide matches “asyncio” in Part III");
        assertThat(empty.findElements(By.cssSelector("a.concept-chip")))
                .extracting(a -> a.getAttribute("href"))
                .contains(service.base() + "/concepts/asyncio");

        empty.findElement(By.xpath(".//button[normalize-space()='Search all parts instead']"))
                .click();
        browser.waitForAll(browser.driver(), "#hits .hit-link", 3);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("doc=");
    }

    @Test
    void aMisspelledQueryOffersTheServicesCorrection() {
        browser.open(service.base() + "/?q=asyncoi");
        WebElement correction = browser.waitFor("a correction", d -> {
            WebElement c = d.findElement(By.id("correction"));
            return c.isDisplayed() ? c : null;
        });
        assertThat(correction.getText()).isEqualTo("Did you mean asyncio?");
        correction.findElement(By.tagName("a")).click();
        browser.waitFor("the corrected query in the URL", d -> d.getCurrentUrl().endsWith("?q=asyncio"));
        assertThat(browser.driver().findElement(By.id("q")).getAttribute("value"))
                .isEqualTo("asyncio");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsOnTheSearchPage() {
        browser.open(service.base() + "/?q=GIL");
        browser.waitForAll(browser.driver(), "#side-concepts .concept-card", 1);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void withSeveralGuidesGuideChipsCountTheHitsAndFilterThemAndPartsFollowTheChosenGuide(TwoGuides two)
            throws Exception {
        String q = "reference counting";
        JsonNode answer = two.service()
                .get("/api/search?limit=10&q=" + RunningService.enc(q))
                .json();
        Map<String, String> titles = new LinkedHashMap<>();
        two.service()
                .get("/api/guides")
                .json()
                .path("guides")
                .forEach(g -> titles.put(g.path("id").asText(), g.path("title").asText()));
        JsonNode perGuide = answer.path("facets").path("guide");
        assertThat(perGuide.path(TwoGuides.SECOND).asInt())
                .as("the query finds the second guide too")
                .isPositive();

        browser.open(two.base() + "/?q=" + RunningService.enc(q));
        browser.waitForAll(browser.driver(), "#guide-facets button.chip", 3);
        assertThat(chipTexts("#guide-facets"))
                .containsExactly(
                        "All guides " + answer.path("total").asInt(),
                        titles.get(TwoGuides.PYTHON) + " "
                                + perGuide.path(TwoGuides.PYTHON).asInt(),
                        TwoGuides.SECOND_TITLE + " "
                                + perGuide.path(TwoGuides.SECOND).asInt());
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#guide-facets [aria-pressed=true]"))
                        .getText())
                .startsWith("All guides");
        assertThat(browser.driver().findElement(By.id("facets")).isDisplayed())
                .as("parts of two guides would mix")
                .isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#hits .hit .crumbs .guide-name")))
                .extracting(WebElement::getText)
                .hasSize(answer.path("hits").size())
                .allSatisfy(t -> assertThat(titles).containsValue(t));
        assertThat(browser.driver().findElement(By.id("brand")).getText()).isEqualTo("Guides search");

        browser.driver()
                .findElements(By.cssSelector("#guide-facets button.chip"))
                .get(2)
                .click();
        browser.waitFor("the URL to name the guide", d -> d.getCurrentUrl().contains("guide=" + TwoGuides.SECOND));
        List<WebElement> links = browser.waitFor("only the second guide's hits", d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#hits .hit-link"));
            return !shown.isEmpty()
                            && shown.stream()
                                    .allMatch(a -> a.getAttribute("href").startsWith(TwoGuides.SECOND_SITE))
                    ? shown
                    : null;
        });
        JsonNode second = two.service()
                .get("/api/search?limit=10&guide=" + TwoGuides.SECOND + "&q=" + RunningService.enc(q))
                .json();
        assertThat(links.get(0).getAttribute("href"))
                .isEqualTo(second.path("hits").get(0).path("url").asText());
        assertThat(browser.driver().findElement(By.id("status")).getText()).contains("in " + TwoGuides.SECOND_TITLE);
        // The other guide keeps its count, so the reader sees what switching back would give.
        assertThat(chipTexts("#guide-facets"))
                .contains(titles.get(TwoGuides.PYTHON) + " "
                        + perGuide.path(TwoGuides.PYTHON).asInt());
        // part1.md is in both guides: the part chips are the chosen guide's own.
        browser.waitForAll(browser.driver(), "#facets button.chip", 3);
        assertThat(chipTexts("#facets"))
                .contains("Part 1 "
                        + second.path("facets").path("doc").path("part1.md").asInt());
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#facets button[title^='Part 1']"))
                        .getAttribute("title"))
                .isEqualTo("Part 1: Getting Started with Widgets");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("search-two-guides");
    }

    @Test
    void withSeveralGuidesASharedUrlRestoresTheGuideAndTheAllGuidesChipClearsIt(TwoGuides two) {
        browser.open(two.base() + "/?q=" + RunningService.enc("widget layout") + "&guide=" + TwoGuides.SECOND
                + "&doc=part2.md");
        browser.waitForAll(browser.driver(), "#hits .hit-link", 1);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#guide-facets [aria-pressed=true]"))
                        .getText())
                .startsWith(TwoGuides.SECOND_TITLE);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#facets [aria-pressed=true]"))
                        .getText())
                .startsWith("Part 2");
        assertThat(browser.driver().findElements(By.cssSelector("#hits .hit-link")))
                .allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith(TwoGuides.SECOND_SITE + "part2.html#"));

        browser.driver()
                .findElement(By.xpath("//*[@id='guide-facets']//button[starts-with(normalize-space(), 'All guides')]"))
                .click();
        browser.waitFor(
                "the guide and its part gone from the URL",
                d -> !d.getCurrentUrl().contains("guide=") && !d.getCurrentUrl().contains("doc="));
        browser.waitFor(
                "no part chips across guides",
                d -> !d.findElement(By.id("facets")).isDisplayed());
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    /** Each chip of a facet row as "label count" (or "label" where it shows no count). */
    @SuppressWarnings("unchecked")
    private List<String> chipTexts(String facets) {
        return (List<String>) browser.script("""
        return [...document.querySelectorAll(arguments[0] + ' button.chip')].map(b =>
          [b.firstChild.textContent, b.querySelector('.count')?.textContent].filter(Boolean).join(' '));
        """, facets);
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }
}
