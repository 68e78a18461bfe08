package org.guidesearch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.guidesearch.server.RunningService;
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
    JsonNode first = service.get("/api/search?q=GIL&limit=10").json().path("hits").get(0);
    WebElement link = hits.get(0).findElement(By.cssSelector("h3 a"));
    assertThat(link.getText()).isEqualTo(first.path("title").asText().replace("`", ""));
    assertThat(link.getAttribute("href")).isEqualTo(first.path("url").asText()).startsWith("https://");
    assertThat(hits.get(0).findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
    assertThat(hits.get(0).findElement(By.cssSelector(".crumbs")).getText()).contains("Part V");
    assertThat(hits.get(0).findElements(By.cssSelector("a.concept-chip")))
        .extracting(a -> a.getAttribute("href")).contains(service.base() + "/concepts/gil");
    assertThat(browser.driver().findElements(By.cssSelector("#facets button.chip"))).hasSizeGreaterThan(2);
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

    assertThat(browser.driver().findElement(By.id("q")).getAttribute("value")).isEqualTo("python");
    assertThat(browser.driver().findElement(By.cssSelector("#facets [aria-pressed=true]")).getText()).startsWith("Part V");
    assertThat(links).allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/part5.html#"));
    JsonNode page2 = service.get("/api/search?q=python&doc=part5.md&limit=10&offset=10").json();
    assertThat(links.get(0).getAttribute("href")).isEqualTo(page2.path("hits").get(0).path("url").asText());
    assertThat(browser.driver().findElement(By.cssSelector("#pager a[aria-current=page]")).getText()).isEqualTo("2");
  }

  @Test
  void aFacetChipNarrowsToOnePartAndThePagerPages() {
    browser.open(service.base() + "/?q=python");
    browser.waitForAll(browser.driver(), "#hits .hit-link", 10);
    WebElement partV = browser.driver().findElements(By.cssSelector("#facets button.chip")).stream()
        .filter(b -> b.getText().startsWith("Part V")).findFirst().orElseThrow();
    partV.click();
    browser.waitFor("the URL to name the part", d -> d.getCurrentUrl().contains("doc=part5.md"));
    browser.waitFor("only Part V hits", d -> d.findElements(By.cssSelector("#hits .hit-link")).stream()
        .allMatch(a -> a.getAttribute("href").contains("/part5.html#")));

    String firstOnPage1 = browser.driver().findElement(By.cssSelector("#hits .hit-link")).getAttribute("href");
    browser.driver().findElement(By.cssSelector("#pager a[aria-label='Next page']")).click();
    browser.waitFor("page 2", d -> d.getCurrentUrl().contains("page=2"));
    browser.waitFor("other hits on page 2", d ->
        !d.findElement(By.cssSelector("#hits .hit-link")).getAttribute("href").equals(firstOnPage1));
    assertThat(focused().getAttribute("class")).contains("hit-link");
  }

  @Test
  void anEmptyResultOffersAllPartsAndRelatedConcepts() {
    browser.open(service.base() + "/?q=asyncio&doc=part3.md");
    WebElement empty = browser.waitFor("the empty state", d -> {
      WebElement e = d.findElement(By.id("empty"));
      return e.isDisplayed() && !e.findElements(By.cssSelector("a.concept-chip")).isEmpty() ? e : null;
    });
    assertThat(empty.getText()).contains("Nothing in the guide matches “asyncio” in Part III");
    assertThat(empty.findElements(By.cssSelector("a.concept-chip"))).extracting(a -> a.getAttribute("href"))
        .contains(service.base() + "/concepts/asyncio");

    empty.findElement(By.xpath(".//button[normalize-space()='Search all parts instead']")).click();
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
    assertThat(browser.driver().findElement(By.id("q")).getAttribute("value")).isEqualTo("asyncio");
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationsOnTheSearchPage() {
    browser.open(service.base() + "/?q=GIL");
    browser.waitForAll(browser.driver(), "#side-concepts .concept-card", 1);
    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
  }

  private WebElement focused() {
    return browser.driver().switchTo().activeElement();
  }
}
