package org.guidesearch.graph.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.neo4j.driver.exceptions.AuthTokenManagerExecutionException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Reads the concept graph over Bolt. The graph only changes when it is rebuilt, so answers are cached until
 * {@link #invalidate()}; the cache ({@link #cache()}) is bounded by a count of answers.
 *
 * <p>Thread-safe. Methods throw {@link GraphUnavailableException} when the store cannot be reached.
 */
public final class ConceptGraph {
    private static final int CACHE_CAP = 20_000;
    private static final String CONCEPT_RELATIONS =
            Arrays.stream(RelationType.values()).map(Enum::name).collect(Collectors.joining("|"));

    private final Driver driver;
    private final QueryConfig readConfig;
    private final Cache<Key, Object> cache = Caffeine.newBuilder()
            .maximumSize(CACHE_CAP)
            .executor(Runnable::run) // evict on the calling thread: no background tasks to own or stop
            .recordStats()
            .build();

    public ConceptGraph(Driver driver, String database) {
        this.driver = driver;
        this.readConfig = QueryConfig.builder()
                .withDatabase(database)
                .withRouting(RoutingControl.READ)
                .build();
    }

    /** Forgets cached answers; called after every rebuild. */
    public void invalidate() {
        cache.invalidateAll();
    }

    /** The cached answers, for their statistics; callers must not change it. */
    public Cache<?, ?> cache() {
        return cache;
    }

    /**
     * Concepts whose name or alias equals, starts with, or contains {@code q} (case-insensitive), best first; of one
     * guide, or of all when {@code guide} is null.
     */
    public List<ConceptSummary> lookup(String q, String guide, int limit) {
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("q", needle, "limit", limit));
        params.put("guide", guide);
        return cached(
                new Key("lookup", List.of(needle, String.valueOf(guide), limit)),
                () -> query("""
            MATCH (c:Concept)
            WHERE $guide IS NULL OR c.guide = $guide
            WITH c, CASE
                WHEN c.nameLower = $q OR $q IN c.aliasesLower OR c.id = $q THEN 3
                WHEN c.nameLower STARTS WITH $q OR any(a IN c.aliasesLower WHERE a STARTS WITH $q) THEN 2
                WHEN c.nameLower CONTAINS $q OR any(a IN c.aliasesLower WHERE a CONTAINS $q) THEN 1
                ELSE 0 END AS score
            WHERE score > 0
            RETURN c.id AS id, c.guide AS guide, c.name AS name, c.aliases AS aliases, c.kind AS kind,
                   c.sectionCount AS sectionCount, c.source AS source
            ORDER BY score DESC, sectionCount DESC, id
            LIMIT $limit
            """, params).stream().map(ConceptGraph::summary).toList());
    }

    public Optional<ConceptDetail> concept(String id, int sectionLimit) {
        return cached(new Key("concept", List.of(id, sectionLimit)), () -> {
            List<Record> rows = query("""
          MATCH (c:Concept {id: $id})
          OPTIONAL MATCH (s:Section)-[m:MENTIONS]->(c)
          WITH c, s, m ORDER BY (s.id = c.home) DESC, m.weight DESC, s.order
          WITH c, collect(CASE WHEN s IS NULL THEN NULL ELSE
              {doc: s.doc, anchor: s.anchor, title: s.title, weight: m.weight, home: s.id = c.home} END)[..$limit] AS sections
          RETURN c.id AS id, c.guide AS guide, c.name AS name, c.aliases AS aliases, c.kind AS kind,
                 c.definition AS definition, c.sectionCount AS sectionCount, c.source AS source, sections
          """, Map.of("id", id, "limit", sectionLimit));
            if (rows.isEmpty()) return Optional.<ConceptDetail>empty();
            Record r = rows.get(0);
            List<WeightedSection> sections = r.get("sections")
                    .asList(v -> new WeightedSection(
                            v.get("doc").asString(),
                            v.get("anchor").asString(),
                            v.get("title").asString(),
                            v.get("weight").asDouble(),
                            v.get("home").asBoolean(false)));
            return Optional.of(new ConceptDetail(
                    r.get("id").asString(),
                    r.get("guide").asString(null),
                    r.get("name").asString(),
                    r.get("aliases").asList(Value::asString),
                    r.get("kind").asString(null),
                    r.get("definition").asString(""),
                    r.get("sectionCount").asLong(),
                    sections,
                    r.get("source").asString(null)));
        });
    }

    /**
     * Concepts within {@code depth} hops of {@code id}, nearest and most strongly related first, and the relations
     * among them; {@code type} restricts the walk to one relation type. Empty when the concept is unknown.
     */
    public Optional<Neighbourhood> neighbours(String id, int depth, int limit, RelationType type) {
        if (depth < 1 || depth > 3) throw new IllegalArgumentException("depth must be 1..3");
        String types = type == null ? CONCEPT_RELATIONS : type.name();
        return cached(new Key("neighbours", List.of(id, depth, limit, types)), () -> {
            List<Record> center = query(
                    "MATCH (c:Concept {id: $id}) RETURN c.id AS id, c.guide AS guide, c.name AS name, c.kind AS kind, c.source AS source",
                    Map.of("id", id));
            if (center.isEmpty()) return Optional.<Neighbourhood>empty();
            // Depth and types are validated values from a closed set, so formatting them into the pattern is safe.
            List<GraphNode> nodes = query("""
              MATCH path = (c:Concept {id: $id})-[:%s*1..%d]-(n:Concept)
              WHERE n <> c
              WITH n, min(length(path)) AS distance,
                   max(reduce(w = 0.0, r IN relationships(path) | w + r.weight) / length(path)) AS strength
              RETURN n.id AS id, n.guide AS guide, n.name AS name, n.kind AS kind, distance, n.source AS source
              ORDER BY distance, strength DESC, n.sectionCount DESC, id
              LIMIT $limit
              """.formatted(types, depth), Map.of("id", id, "limit", limit)).stream()
                    .map(ConceptGraph::node)
                    .toList();
            List<String> ids = new ArrayList<>(nodes.stream().map(GraphNode::id).toList());
            ids.add(id);
            List<GraphEdge> edges = query("""
              MATCH (a:Concept)-[r:%s]->(b:Concept)
              WHERE a.id IN $ids AND b.id IN $ids
              RETURN a.id AS from, b.id AS to, type(r) AS type, r.weight AS weight, r.evidence AS evidence,
                     r.source AS source
              ORDER BY weight DESC, from, to
              """.formatted(types), Map.of("ids", ids)).stream()
                    .map(ConceptGraph::edge)
                    .toList();
            Record c = center.get(0);
            return Optional.of(new Neighbourhood(
                    new GraphNode(
                            c.get("id").asString(),
                            c.get("guide").asString(null),
                            c.get("name").asString(),
                            c.get("kind").asString(null),
                            0,
                            c.get("source").asString(null)),
                    nodes,
                    edges));
        });
    }

    /** A shortest path between two concepts over every relation type; empty when either is unknown or none exists. */
    public Optional<ConceptPath> path(String from, String to) {
        return cached(new Key("path", List.of(from, to)), () -> {
            List<Record> rows = query("""
          MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
          MATCH p = shortestPath((a)-[:%s*..6]-(b))
          RETURN [n IN nodes(p) | {id: n.id, guide: n.guide, name: n.name, kind: n.kind, source: n.source}] AS nodes,
                 [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r),
                                          weight: r.weight, evidence: r.evidence, source: r.source}] AS edges
          """.formatted(CONCEPT_RELATIONS), Map.of("from", from, "to", to));
            if (rows.isEmpty()) return Optional.<ConceptPath>empty();
            List<Value> rawNodes = rows.get(0).get("nodes").asList(v -> v);
            List<GraphNode> nodes = new ArrayList<>();
            for (int i = 0; i < rawNodes.size(); i++) {
                Value v = rawNodes.get(i);
                nodes.add(new GraphNode(
                        v.get("id").asString(),
                        v.get("guide").asString(null),
                        v.get("name").asString(),
                        v.get("kind").asString(null),
                        i,
                        v.get("source").asString(null)));
            }
            List<GraphEdge> edges = rows.get(0).get("edges").asList(ConceptGraph::edge);
            return Optional.of(new ConceptPath(nodes, edges));
        });
    }

    public GraphStats stats() {
        return cached(new Key("stats", List.of()), () -> {
            Record r = query("""
          CALL { MATCH (d:Document) RETURN count(d) AS documents }
          CALL { MATCH (s:Section) RETURN count(s) AS sections }
          CALL { MATCH (c:Concept) RETURN count(c) AS concepts }
          CALL { MATCH (:Section)-[m:MENTIONS]->(:Concept) RETURN count(m) AS mentions }
          CALL { MATCH (:Section)-[l:LINKS_TO]->(:Section) RETURN count(l) AS links }
          RETURN documents, sections, concepts, mentions, links
          """, Map.of()).get(0);
            Map<String, Long> byType = new LinkedHashMap<>();
            query(
                            "MATCH (:Concept)-[r:%s]->(:Concept) RETURN type(r) AS type, count(r) AS n ORDER BY type"
                                    .formatted(CONCEPT_RELATIONS),
                            Map.of())
                    .forEach(row ->
                            byType.put(row.get("type").asString(), row.get("n").asLong()));
            return new GraphStats(
                    r.get("documents").asLong(),
                    r.get("sections").asLong(),
                    r.get("concepts").asLong(),
                    r.get("mentions").asLong(),
                    r.get("links").asLong(),
                    byType);
        });
    }

    /** Concepts a section mentions, strongest first. */
    public List<ConceptSummary> conceptsOf(String guide, SectionRef section, int limit) {
        return cached(
                new Key("conceptsOf", List.of(guide, section.id(), limit)),
                () -> query("""
            MATCH (:Section {guide: $guide, id: $id})-[m:MENTIONS]->(c:Concept)
            RETURN c.id AS id, c.guide AS guide, c.name AS name, c.aliases AS aliases, c.kind AS kind,
                   c.sectionCount AS sectionCount, c.source AS source
            ORDER BY m.weight DESC, c.sectionCount, id
            LIMIT $limit
            """, Map.of("guide", guide, "id", section.id(), "limit", limit)).stream()
                        .map(ConceptGraph::summary)
                        .toList());
    }

    /**
     * The reading list for a concept: every concept that is (transitively) a prerequisite of it, deepest first and in
     * reading order within a depth, each with its home section, then the concept's own home section. Empty when the
     * concept is unknown.
     */
    public Optional<ReadingList> prerequisites(String id) {
        return cached(new Key("prerequisites", List.of(id)), () -> {
            List<Record> rows = query("""
          MATCH (c:Concept {id: $id})
          OPTIONAL MATCH path = (pre:Concept)-[:PREREQUISITE_OF*1..6]->(c)
          WITH c, pre, max(length(path)) AS depth
          OPTIONAL MATCH (pre)-[:TAUGHT_IN]->(s:Section)
          OPTIONAL MATCH (c)-[:TAUGHT_IN]->(own:Section)
          RETURN c.id AS id, c.name AS name, own.doc AS ownDoc, own.anchor AS ownAnchor, own.title AS ownTitle,
                 collect(CASE WHEN pre IS NULL OR s IS NULL THEN NULL ELSE
                   {id: pre.id, name: pre.name, doc: s.doc, anchor: s.anchor, title: s.title, order: s.order,
                    depth: depth} END) AS steps
          """, Map.of("id", id));
            if (rows.isEmpty()) return Optional.<ReadingList>empty();
            Record r = rows.get(0);
            List<Value> raw = new ArrayList<>(r.get("steps").asList(v -> v));
            raw.sort(java.util.Comparator.<Value>comparingInt(
                            v -> -v.get("depth").asInt())
                    .thenComparingInt(v -> v.get("order").asInt()));
            List<ReadingStep> steps = new ArrayList<>();
            java.util.Set<String> seenSections = new java.util.HashSet<>();
            for (Value v : raw) {
                if (seenSections.add(
                        v.get("doc").asString() + "#" + v.get("anchor").asString())) {
                    steps.add(new ReadingStep(
                            v.get("id").asString(),
                            v.get("name").asString(),
                            v.get("doc").asString(),
                            v.get("anchor").asString(),
                            v.get("title").asString(),
                            v.get("depth").asInt()));
                }
            }
            if (!r.get("ownDoc").isNull()
                    && seenSections.add(r.get("ownDoc").asString() + "#"
                            + r.get("ownAnchor").asString())) {
                steps.add(new ReadingStep(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("ownDoc").asString(),
                        r.get("ownAnchor").asString(),
                        r.get("ownTitle").asString(),
                        0));
            }
            return Optional.of(
                    new ReadingList(r.get("id").asString(), r.get("name").asString(), steps));
        });
    }

    /**
     * Sections related to a section: those sharing its concepts, weighted by the rarer concepts they share (a shared
     * niche concept says more than one the whole guide is about) relative to how many concepts the other section mentions, plus
     * the sections it links to. Empty when the section is unknown.
     */
    public Optional<List<RelatedSection>> relatedSections(String guide, SectionRef section, int limit) {
        return cached(new Key("relatedSections", List.of(guide, section.id(), limit)), () -> {
            List<Record> exists = query(
                    "MATCH (s:Section {guide: $guide, id: $id}) RETURN s.id AS id",
                    Map.of("guide", guide, "id", section.id()));
            if (exists.isEmpty()) return Optional.<List<RelatedSection>>empty();
            List<RelatedSection> related =
                    query("""
              MATCH (s:Section {guide: $guide, id: $id})
              CALL {
                WITH s
                MATCH (s)-[:MENTIONS]->(c:Concept)<-[:MENTIONS]-(o:Section)
                WHERE o <> s
                WITH o, sum(1.0 / log(2 + c.sectionCount)) AS overlap, collect(c.id) AS shared
                // Divided by the root of the other section's concept count, so a glossary that mentions
                // everything does not outrank the section next door that shares the same few ideas.
                RETURN o, overlap / sqrt(COUNT { (o)-[:MENTIONS]->() }) AS weight, shared
                UNION
                WITH s
                MATCH (s)-[:LINKS_TO]-(o:Section)
                RETURN o, 1.0 AS weight, [] AS shared
              }
              WITH s, o, sum(weight) AS weight, reduce(acc = [], l IN collect(shared) | acc + l) AS shared
              RETURN o.doc AS doc, o.anchor AS anchor, o.title AS title, weight, shared,
                     exists((s)-[:LINKS_TO]-(o)) AS linked
              ORDER BY weight DESC, o.order
              LIMIT $limit
              """, Map.of("guide", guide, "id", section.id(), "limit", limit)).stream()
                            .map(r -> new RelatedSection(
                                    r.get("doc").asString(),
                                    r.get("anchor").asString(),
                                    r.get("title").asString(),
                                    Math.round(r.get("weight").asDouble() * 1000) / 1000.0,
                                    r.get("shared").asList(Value::asString),
                                    r.get("linked").asBoolean()))
                            .toList();
            return Optional.of(related);
        });
    }

    /** Verifies the store answers; throws {@link GraphUnavailableException} when it does not. */
    public void ping() {
        query("RETURN 1 AS ok", Map.of());
    }

    private List<Record> query(String cypher, Map<String, Object> params) {
        try {
            return driver.executableQuery(cypher)
                    .withParameters(params)
                    .withConfig(readConfig)
                    .execute()
                    .records();
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new GraphUnavailableException("the graph store cannot be reached", e);
        } catch (AuthTokenManagerExecutionException e) {
            // The connection withholds credentials from a store that is not (or not yet) known to be this service's
            // own.
            String reason = e.getCause() instanceof GraphUnavailableException why
                    ? why.getMessage()
                    : "the graph store cannot be reached";
            throw new GraphUnavailableException(reason, e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Supplier<T> load) {
        return (T) cache.get(key, k -> load.get());
    }

    /** One answer: the method that gave it and the arguments it was given. */
    private record Key(String method, List<Object> arguments) {}

    private static ConceptSummary summary(Record r) {
        return new ConceptSummary(
                r.get("id").asString(),
                r.get("guide").asString(null),
                r.get("name").asString(),
                r.get("aliases").asList(Value::asString),
                r.get("kind").asString(null),
                r.get("sectionCount").asLong(),
                r.get("source").asString(null));
    }

    private static GraphNode node(Record r) {
        return new GraphNode(
                r.get("id").asString(),
                r.get("guide").asString(null),
                r.get("name").asString(),
                r.get("kind").asString(null),
                r.get("distance").asInt(),
                r.get("source").asString(null));
    }

    private static GraphEdge edge(Record r) {
        return edge(r.get("from"), r.get("to"), r.get("type"), r.get("weight"), r.get("evidence"), r.get("source"));
    }

    private static GraphEdge edge(Value v) {
        return edge(v.get("from"), v.get("to"), v.get("type"), v.get("weight"), v.get("evidence"), v.get("source"));
    }

    private static GraphEdge edge(Value from, Value to, Value type, Value weight, Value evidence, Value source) {
        List<SectionRef> refs = evidence.isNull() ? List.of() : evidence.asList(e -> SectionRef.parse(e.asString()));
        return new GraphEdge(
                from.asString(), to.asString(), type.asString(), weight.asDouble(), refs, source.asString(null));
    }
}
