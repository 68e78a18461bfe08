package org.guidesearch.indexer.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The judged queries in {@code data/eval/queries.json}. */
public record QuerySet(List<JudgedQuery> queries) {
    public QuerySet {
        queries = List.copyOf(queries);
    }

    public static QuerySet load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<JudgedQuery> queries = new ArrayList<>();
        for (JsonNode q : root.path("queries")) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            q.path("judgments")
                    .fields()
                    .forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
            queries.add(new JudgedQuery(
                    q.path("id").asText(),
                    q.path("kind").asText(),
                    q.path("query").asText(),
                    grades));
        }
        return new QuerySet(queries);
    }
}
