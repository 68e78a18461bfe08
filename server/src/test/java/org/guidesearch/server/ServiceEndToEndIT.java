package org.guidesearch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole spine against the real guide: Markdown → Lucene + embedded Neo4j over Bolt → HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceEndToEndIT {
    @TempDir
    static Path state;

    RunningService running;

    @BeforeAll
    void start() throws Exception {
        running = RunningService.start(state);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void gilRanksTheGilSectionFirst() throws Exception {
        JsonNode first = running.get("/api/search?q=GIL").json().path("hits").get(0);
        assertThat(first.path("doc").asText()).isEqualTo("part5.md");
        assertThat(first.path("anchor").asText()).isEqualTo("131-the-global-interpreter-lock-gil");
        assertThat(first.path("url").asText())
                .isEqualTo(
                        "https://couleslaw.github.io/other/ai-gen/python-guide/part5.html#131-the-global-interpreter-lock-gil");
        assertThat(first.path("snippet").asText()).contains("<mark>");
    }

    @Test
    void theSpelledOutNameRanksTheGilSectionFirstToo() throws Exception {
        JsonNode body = running.get("/api/search?q=" + RunningService.enc("global interpreter lock"))
                .json();
        assertThat(body.path("hits").get(0).path("anchor").asText()).isEqualTo("131-the-global-interpreter-lock-gil");
        assertThat(body.path("facets").path("doc").path("part5.md").asInt()).isPositive();
        assertThat(body.path("total").asLong())
                .isGreaterThanOrEqualTo(body.path("hits").size());
    }

    @Test
    void aNumberedSectionAppearsOnceWithItsOtherMatchingPartsUnderIt() throws Exception {
        String q = RunningService.enc("memory layout of objects");
        JsonNode grouped = running.get("/api/search?limit=20&q=" + q).json();
        JsonNode flat = running.get("/api/search?limit=20&group=false&q=" + q).json();
        List<String> leads = new ArrayList<>();
        int listedUnder = 0;
        for (JsonNode h : grouped.path("hits")) {
            leads.add(h.path("doc").asText() + "#" + h.path("anchor").asText());
            listedUnder += h.path("related").size();
            for (JsonNode r : h.path("related")) {
                assertThat(r.path("url").asText())
                        .contains("#" + r.path("anchor").asText());
            }
        }
        assertThat(leads).doesNotHaveDuplicates();
        assertThat(listedUnder).as("some hit groups other parts of its section").isPositive();
        assertThat(flat.path("total").asLong())
                .isGreaterThan(grouped.path("total").asLong());
        assertThat(flat.path("hits").get(0).path("related")).isEmpty();
    }

    @Test
    void explainTellsEachRetrieversRankAndWhatMatched() throws Exception {
        JsonNode hit = running.get("/api/search?explain=true&q=" + RunningService.enc("global interpreter lock"))
                .json()
                .path("hits")
                .get(0);
        JsonNode why = hit.path("explain");
        assertThat(why.path("keywordRank").asInt()).isPositive();
        assertThat(why.path("semanticRank").isNumber()).isTrue();
        assertThat(why.path("fusedScore").asDouble()).isPositive();
        assertThat(why.path("matchedTerms")).isNotEmpty();
        assertThat(running.get("/api/search?q=gil").json().path("hits").get(0).has("explain"))
                .isFalse();
    }

    @Test
    void conceptLookupFindsTheGilByItsSpelledOutName() throws Exception {
        JsonNode concepts = running.get("/api/concepts?q=" + RunningService.enc("global interpreter lock"))
                .json()
                .path("concepts");
        assertThat(concepts.get(0).path("id").asText()).isEqualTo("gil");
        assertThat(concepts.get(0).path("sectionCount").asInt()).isPositive();
    }

    @Test
    void theGilsDepthTwoNeighbourhoodReachesAsyncioThreadsAndMultiprocessing() throws Exception {
        JsonNode body =
                running.get("/api/concepts/gil/neighbours?depth=2&limit=200").json();
        List<String> ids = new ArrayList<>();
        body.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
        assertThat(ids).contains("asyncio", "threads", "multiprocessing");
        assertThat(body.path("edges")
                        .get(0)
                        .path("evidence")
                        .get(0)
                        .path("anchor")
                        .asText())
                .isNotBlank();
    }

    @Test
    void queryFullOfLuceneSyntaxIsSearchedAsPlainText() throws Exception {
        RunningService.Response r = running.get("/api/search?q=" + RunningService.enc("\"unclosed (a OR"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).contains("application/json");
        for (String nasty : List.of("title:(", "*", "a AND", "~2 \\", "[1 TO", "{}", "/regex", "AND OR NOT")) {
            RunningService.Response each = running.get("/api/search?q=" + RunningService.enc(nasty));
            assertThat(each.status()).as(nasty).isLessThan(500);
            assertThat(each.json().isObject()).isTrue();
        }
    }

    @Test
    void unknownConceptIs404WithAJsonError() throws Exception {
        RunningService.Response r = running.get("/api/concepts/no-such-concept");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").asText()).isEqualTo("unknown_concept");
        assertThat(r.json().path("message").asText()).isNotBlank();
    }

    @Test
    void missingQueryIs400WithAJsonError() throws Exception {
        RunningService.Response r = running.get("/api/search");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("missing_q");
    }

    @Test
    void healthReportsBothStoresUp() throws Exception {
        JsonNode health = running.get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("graph").path("store").asText())
                .startsWith("bolt://127.0.0.1:");
        assertThat(health.path("components").path("search").path("sections").asInt())
                .isGreaterThan(200);
    }

    @Test
    void sectionsListEveryHeadingInReadingOrderWithParents() throws Exception {
        JsonNode sections = running.get("/api/sections").json().path("sections");
        assertThat(sections.size()).isGreaterThan(250);
        JsonNode one = running.get("/api/sections/part5.md/131-the-global-interpreter-lock-gil")
                .json();
        assertThat(one.path("parent").asText()).isEqualTo("13-concurrency-parallelism-and-asynchrony-1");
        assertThat(one.path("next").path("anchor").asText()).isEqualTo("132-multithreading-vs-multiprocessing");
        assertThat(one.path("text").asText()).contains("mutex");
    }

    @Test
    void conceptSectionsPutTheHomeSectionFirst() throws Exception {
        JsonNode gil = running.get("/api/concepts/gil").json();
        assertThat(gil.path("sections").get(0).path("anchor").asText())
                .isEqualTo("131-the-global-interpreter-lock-gil");
    }
}
