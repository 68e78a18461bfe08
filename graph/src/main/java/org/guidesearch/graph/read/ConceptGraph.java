package org.guidesearch.graph.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.guidesearch.graph.store.GraphUnavailableException;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.indexer.corpus.SectionRef;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Reads the concept graph over Bolt. The graph only changes when it is rebuilt, so answers are cached until
 * {@link #invalidate()}; the cache is bounded by a simple size cap.
 *
 * <p>Thread-safe. Methods throw {@link GraphUnavailableException} when the store cannot be reached.
 */
public final class ConceptGraph {
  private static final int CACHE_CAP = 20_000;
  private static final String CONCEPT_RELATIONS =
      Arrays.stream(RelationType.values()).map(Enum::name).collect(Collectors.joining("|"));

  private final Driver driver;
  private final QueryConfig readConfig;
  private final Map<String, Object> cache = new ConcurrentHashMap<>();

  public ConceptGraph(Driver driver, String database) {
    this.driver = driver;
    this.readConfig = QueryConfig.builder().withDatabase(database).withRouting(RoutingControl.READ).build();
  }

  /** Forgets cached answers; called after every rebuild. */
  public void invalidate() {
    cache.clear();
  }

  /** Concepts whose name or alias equals, starts with, or contains {@code q} (case-insensitive), best first. */
  public List<ConceptSummary> lookup(String q, int limit) {
    String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
    return cached("lookup|" + needle + "|" + limit, () -> query(
            """
            MATCH (c:Concept)
            WITH c, CASE
                WHEN c.nameLower = $q OR $q IN c.aliasesLower OR c.id = $q THEN 3
                WHEN c.nameLower STARTS WITH $q OR any(a IN c.aliasesLower WHERE a STARTS WITH $q) THEN 2
                WHEN c.nameLower CONTAINS $q OR any(a IN c.aliasesLower WHERE a CONTAINS $q) THEN 1
                ELSE 0 END AS score
            WHERE score > 0
            RETURN c.id AS id, c.name AS name, c.aliases AS aliases, c.kind AS kind, c.sectionCount AS sectionCount
            ORDER BY score DESC, sectionCount DESC, id
            LIMIT $limit
            """,
            Map.of("q", needle, "limit", limit))
        .stream().map(ConceptGraph::summary).toList());
  }

  public Optional<ConceptDetail> concept(String id, int sectionLimit) {
    return cached("concept|" + id + "|" + sectionLimit, () -> {
      List<Record> rows = query(
          """
          MATCH (c:Concept {id: $id})
          OPTIONAL MATCH (s:Section)-[m:MENTIONS]->(c)
          WITH c, s, m ORDER BY (s.id = c.home) DESC, m.weight DESC, s.order
          WITH c, collect(CASE WHEN s IS NULL THEN NULL ELSE
              {doc: s.doc, anchor: s.anchor, title: s.title, weight: m.weight, home: s.id = c.home} END)[..$limit] AS sections
          RETURN c.id AS id, c.name AS name, c.aliases AS aliases, c.kind AS kind, c.definition AS definition,
                 c.sectionCount AS sectionCount, sections
          """,
          Map.of("id", id, "limit", sectionLimit));
      if (rows.isEmpty()) return Optional.<ConceptDetail>empty();
      Record r = rows.get(0);
      List<WeightedSection> sections = r.get("sections").asList(v -> new WeightedSection(
          v.get("doc").asString(), v.get("anchor").asString(), v.get("title").asString(),
          v.get("weight").asDouble(), v.get("home").asBoolean(false)));
      return Optional.of(new ConceptDetail(
          r.get("id").asString(), r.get("name").asString(), r.get("aliases").asList(Value::asString),
          r.get("kind").asString(null), r.get("definition").asString(""), r.get("sectionCount").asLong(), sections));
    });
  }

  /**
   * Concepts within {@code depth} hops of {@code id}, nearest and most strongly related first, and the relations
   * among them; {@code type} restricts the walk to one relation type. Empty when the concept is unknown.
   */
  public Optional<Neighbourhood> neighbours(String id, int depth, int limit, RelationType type) {
    if (depth < 1 || depth > 3) throw new IllegalArgumentException("depth must be 1..3");
    String types = type == null ? CONCEPT_RELATIONS : type.name();
    return cached("nb|" + id + "|" + depth + "|" + limit + "|" + types, () -> {
      List<Record> center = query("MATCH (c:Concept {id: $id}) RETURN c.id AS id, c.name AS name, c.kind AS kind",
          Map.of("id", id));
      if (center.isEmpty()) return Optional.<Neighbourhood>empty();
      // Depth and types are validated values from a closed set, so formatting them into the pattern is safe.
      List<GraphNode> nodes = query(
              """
              MATCH path = (c:Concept {id: $id})-[:%s*1..%d]-(n:Concept)
              WHERE n <> c
              WITH n, min(length(path)) AS distance,
                   max(reduce(w = 0.0, r IN relationships(path) | w + r.weight) / length(path)) AS strength
              RETURN n.id AS id, n.name AS name, n.kind AS kind, distance
              ORDER BY distance, strength DESC, n.sectionCount DESC, id
              LIMIT $limit
              """.formatted(types, depth),
              Map.of("id", id, "limit", limit))
          .stream().map(ConceptGraph::node).toList();
      List<String> ids = new ArrayList<>(nodes.stream().map(GraphNode::id).toList());
      ids.add(id);
      List<GraphEdge> edges = query(
              """
              MATCH (a:Concept)-[r:%s]->(b:Concept)
              WHERE a.id IN $ids AND b.id IN $ids
              RETURN a.id AS from, b.id AS to, type(r) AS type, r.weight AS weight, r.evidence AS evidence
              ORDER BY weight DESC, from, to
              """.formatted(types),
              Map.of("ids", ids))
          .stream().map(ConceptGraph::edge).toList();
      Record c = center.get(0);
      return Optional.of(new Neighbourhood(
          new GraphNode(c.get("id").asString(), c.get("name").asString(), c.get("kind").asString(null), 0), nodes, edges));
    });
  }

  /** A shortest path between two concepts over every relation type; empty when either is unknown or none exists. */
  public Optional<ConceptPath> path(String from, String to) {
    return cached("path|" + from + "|" + to, () -> {
      List<Record> rows = query(
          """
          MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
          MATCH p = shortestPath((a)-[:%s*..6]-(b))
          RETURN [n IN nodes(p) | {id: n.id, name: n.name, kind: n.kind}] AS nodes,
                 [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r),
                                          weight: r.weight, evidence: r.evidence}] AS edges
          """.formatted(CONCEPT_RELATIONS),
          Map.of("from", from, "to", to));
      if (rows.isEmpty()) return Optional.<ConceptPath>empty();
      List<Value> rawNodes = rows.get(0).get("nodes").asList(v -> v);
      List<GraphNode> nodes = new ArrayList<>();
      for (int i = 0; i < rawNodes.size(); i++) {
        Value v = rawNodes.get(i);
        nodes.add(new GraphNode(v.get("id").asString(), v.get("name").asString(), v.get("kind").asString(null), i));
      }
      List<GraphEdge> edges = rows.get(0).get("edges").asList(ConceptGraph::edge);
      return Optional.of(new ConceptPath(nodes, edges));
    });
  }

  public GraphStats stats() {
    return cached("stats", () -> {
      Record r = query(
          """
          CALL { MATCH (d:Document) RETURN count(d) AS documents }
          CALL { MATCH (s:Section) RETURN count(s) AS sections }
          CALL { MATCH (c:Concept) RETURN count(c) AS concepts }
          CALL { MATCH (:Section)-[m:MENTIONS]->(:Concept) RETURN count(m) AS mentions }
          CALL { MATCH (:Section)-[l:LINKS_TO]->(:Section) RETURN count(l) AS links }
          RETURN documents, sections, concepts, mentions, links
          """, Map.of()).get(0);
      Map<String, Long> byType = new LinkedHashMap<>();
      query("MATCH (:Concept)-[r:%s]->(:Concept) RETURN type(r) AS type, count(r) AS n ORDER BY type"
              .formatted(CONCEPT_RELATIONS), Map.of())
          .forEach(row -> byType.put(row.get("type").asString(), row.get("n").asLong()));
      return new GraphStats(r.get("documents").asLong(), r.get("sections").asLong(), r.get("concepts").asLong(),
          r.get("mentions").asLong(), r.get("links").asLong(), byType);
    });
  }

  /** Concepts a section mentions, strongest first. */
  public List<ConceptSummary> conceptsOf(SectionRef section, int limit) {
    return cached("of|" + section.id() + "|" + limit, () -> query(
            """
            MATCH (:Section {id: $id})-[m:MENTIONS]->(c:Concept)
            RETURN c.id AS id, c.name AS name, c.aliases AS aliases, c.kind AS kind, c.sectionCount AS sectionCount
            ORDER BY m.weight DESC, c.sectionCount, id
            LIMIT $limit
            """, Map.of("id", section.id(), "limit", limit))
        .stream().map(ConceptGraph::summary).toList());
  }

  /** Verifies the store answers; throws {@link GraphUnavailableException} when it does not. */
  public void ping() {
    query("RETURN 1 AS ok", Map.of());
  }

  private List<Record> query(String cypher, Map<String, Object> params) {
    try {
      return driver.executableQuery(cypher).withParameters(params).withConfig(readConfig).execute().records();
    } catch (ServiceUnavailableException | SessionExpiredException e) {
      throw new GraphUnavailableException("the graph store cannot be reached", e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Supplier<T> load) {
    Object hit = cache.get(key);
    if (hit != null) return (T) hit;
    T value = load.get();
    if (cache.size() >= CACHE_CAP) cache.clear();
    cache.put(key, value);
    return value;
  }

  private static ConceptSummary summary(Record r) {
    return new ConceptSummary(r.get("id").asString(), r.get("name").asString(), r.get("aliases").asList(Value::asString),
        r.get("kind").asString(null), r.get("sectionCount").asLong());
  }

  private static GraphNode node(Record r) {
    return new GraphNode(r.get("id").asString(), r.get("name").asString(), r.get("kind").asString(null),
        r.get("distance").asInt());
  }

  private static GraphEdge edge(Record r) {
    return edge(r.get("from"), r.get("to"), r.get("type"), r.get("weight"), r.get("evidence"));
  }

  private static GraphEdge edge(Value v) {
    return edge(v.get("from"), v.get("to"), v.get("type"), v.get("weight"), v.get("evidence"));
  }

  private static GraphEdge edge(Value from, Value to, Value type, Value weight, Value evidence) {
    List<SectionRef> refs = evidence.isNull() ? List.of() : evidence.asList(e -> SectionRef.parse(e.asString()));
    return new GraphEdge(from.asString(), to.asString(), type.asString(), weight.asDouble(), refs);
  }
}
