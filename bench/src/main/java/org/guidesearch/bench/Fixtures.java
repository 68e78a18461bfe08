package org.guidesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Where the benchmarks find the guide and the vocabulary, and the queries they send (the judged keyword queries). */
final class Fixtures {
  private Fixtures() {}

  static Path corpusDir() {
    return Path.of(System.getProperty("bench.corpus", "../shared/corpus/python-under-the-hood"));
  }

  static Path dataDir() {
    return Path.of(System.getProperty("bench.data", "data"));
  }

  /** The keyword queries of {@code data/eval/queries.json}: real readers' words, misspellings included. */
  static List<String> keywordQueries() {
    try {
      JsonNode root = new ObjectMapper().readTree(dataDir().resolve("eval/queries.json").toFile());
      List<String> out = new ArrayList<>();
      root.path("queries").forEach(q -> {
        if ("keyword".equals(q.path("kind").asText())) out.add(q.path("query").asText());
      });
      if (out.isEmpty()) throw new IllegalStateException("no keyword queries in data/eval/queries.json");
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind costs disk only
    }
  }
}
