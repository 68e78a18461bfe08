package org.guidesearch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on the same state re-indexes to the same counts: nothing is duplicated in Lucene or Neo4j. */
class RestartIdempotenceTest {
  @TempDir Path state;

  @Test
  void aSecondStartFindsTheSameSectionAndConceptCounts() throws Exception {
    JsonNode firstStats;
    int firstSections;
    try (RunningService first = RunningService.start(state)) {
      firstStats = first.get("/api/graph/stats").json();
      firstSections = first.get("/health").json().path("components").path("search").path("sections").asInt();
      first.service().reindexer().reindex();
      assertThat(first.get("/api/graph/stats").json()).isEqualTo(firstStats);
    }
    try (RunningService second = RunningService.start(state)) {
      assertThat(second.get("/api/graph/stats").json()).isEqualTo(firstStats);
      assertThat(second.get("/health").json().path("components").path("search").path("sections").asInt())
          .isEqualTo(firstSections);
    }
    assertThat(firstStats.path("concepts").asInt()).isGreaterThan(80);
    assertThat(firstStats.path("sections").asInt()).isEqualTo(firstSections);
  }
}
