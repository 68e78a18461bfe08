package org.guidesearch.graph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.guidesearch.graph.model.ConceptModel;
import org.guidesearch.graph.model.ConceptRelation;
import org.guidesearch.graph.model.Mention;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * Replaces one guide's part of the graph with a {@link ConceptModel} in one transaction: readers see the old graph
 * until the commit and the new one after, never a mix; other guides' nodes are not touched. Every node carries its
 * {@code guide}; section and document ids are unique within a guide, concept ids across all guides (the caller
 * qualifies them). Running it twice with the same model leaves the same counts.
 */
public final class GraphWriter {
    private static final int BATCH = 500;

    private final Driver driver;
    private final String database;

    public GraphWriter(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /** Uniqueness constraints on ids; idempotent. */
    public void ensureSchema() {
        try (Session session = session()) {
            for (String cypher : List.of(
                    // before guides, sections and documents were unique by id alone
                    "DROP CONSTRAINT section_id IF EXISTS",
                    "DROP CONSTRAINT document_name IF EXISTS",
                    "CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE",
                    "CREATE CONSTRAINT section_guide_id IF NOT EXISTS FOR (s:Section) REQUIRE (s.guide, s.id) IS UNIQUE",
                    "CREATE CONSTRAINT document_guide_name IF NOT EXISTS FOR (d:Document) REQUIRE (d.guide, d.name) IS UNIQUE")) {
                session.run(cypher).consume();
            }
        }
    }

    /** Replaces {@code guide}'s nodes (and those written before guides existed, which carry none). */
    public void replaceGuide(String guide, ConceptModel model) {
        try (Session session = session();
                Transaction tx = session.beginTransaction()) {
            tx.run("""
          MATCH (n) WHERE (n:Document OR n:Section OR n:Concept) AND (n.guide = $guide OR n.guide IS NULL)
          DETACH DELETE n""", Map.of("guide", guide)).consume();
            writeSections(
                    tx,
                    guide,
                    model.sections().stream().filter(s -> !s.isNavigation()).toList());
            writeConcepts(tx, guide, model);
            writeMentions(tx, guide, model.mentions());
            writeRelations(tx, guide, model.relations());
            writeLinks(tx, guide, model.links());
            tx.commit();
        }
    }

    private void writeSections(Transaction tx, String guide, List<Section> sections) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String previous = null;
        for (Section s : sections) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.id());
            row.put("doc", s.doc());
            row.put("anchor", s.anchor());
            row.put("title", s.title());
            row.put("level", s.level());
            row.put("order", s.order());
            row.put("role", s.role().name());
            row.put("parent", s.parent() == null ? null : new SectionRef(s.doc(), s.parent()).id());
            row.put("previous", previous != null && previous.startsWith(s.doc() + "#") ? previous : null);
            rows.add(row);
            previous = s.id();
        }
        batched(tx, guide, """
        UNWIND $rows AS row
        MERGE (d:Document {guide: $guide, name: row.doc})
        CREATE (s:Section {guide: $guide, id: row.id, doc: row.doc, anchor: row.anchor, title: row.title,
                           level: row.level, order: row.order, role: row.role})
        CREATE (d)-[:HAS_SECTION]->(s)
        """, rows);
        batched(tx, guide, """
        UNWIND $rows AS row
        MATCH (s:Section {guide: $guide, id: row.id})
        OPTIONAL MATCH (p:Section {guide: $guide, id: row.parent})
        OPTIONAL MATCH (prev:Section {guide: $guide, id: row.previous})
        FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (s)-[:CHILD_OF]->(p))
        FOREACH (_ IN CASE WHEN prev IS NULL THEN [] ELSE [1] END | CREATE (prev)-[:NEXT]->(s))
        """, rows);
    }

    private void writeConcepts(Transaction tx, String guide, ConceptModel model) {
        Map<String, Long> sectionCounts =
                model.mentions().stream().collect(Collectors.groupingBy(Mention::conceptId, Collectors.counting()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Concept c : model.concepts()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", c.id());
            row.put("name", c.name());
            row.put("nameLower", c.name().toLowerCase(Locale.ROOT));
            row.put("aliases", c.aliases());
            row.put(
                    "aliasesLower",
                    c.aliases().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
            row.put("kind", c.kind());
            row.put("definition", c.definition());
            row.put("home", c.home() == null ? null : c.home().id());
            row.put("sectionCount", sectionCounts.getOrDefault(c.id(), 0L));
            row.put("source", c.source());
            rows.add(row);
        }
        batched(tx, guide, """
        UNWIND $rows AS row
        CREATE (c:Concept {guide: $guide, id: row.id, name: row.name, nameLower: row.nameLower, aliases: row.aliases,
                           aliasesLower: row.aliasesLower, kind: row.kind, definition: row.definition,
                           home: row.home, sectionCount: row.sectionCount, source: row.source})
        WITH c, row
        OPTIONAL MATCH (h:Section {guide: $guide, id: row.home})
        FOREACH (_ IN CASE WHEN h IS NULL THEN [] ELSE [1] END | CREATE (c)-[:TAUGHT_IN]->(h))
        """, rows);
    }

    private void writeMentions(Transaction tx, String guide, List<Mention> mentions) {
        List<Map<String, Object>> rows = mentions.stream()
                .map(m -> Map.<String, Object>of(
                        "section",
                        m.sectionId(),
                        "concept",
                        m.conceptId(),
                        "count",
                        m.count(),
                        "inTitle",
                        m.inTitle(),
                        "weight",
                        m.weight()))
                .toList();
        batched(tx, guide, """
        UNWIND $rows AS row
        MATCH (s:Section {guide: $guide, id: row.section}), (c:Concept {id: row.concept})
        CREATE (s)-[:MENTIONS {count: row.count, inTitle: row.inTitle, weight: row.weight}]->(c)
        """, rows);
    }

    private void writeRelations(Transaction tx, String guide, List<ConceptRelation> relations) {
        // Relationship types cannot be parameters; they come from a closed enum, so grouping by type is safe.
        Map<String, List<ConceptRelation>> byType =
                relations.stream().collect(Collectors.groupingBy(r -> r.type().name()));
        byType.forEach((type, rels) -> {
            List<Map<String, Object>> rows = rels.stream()
                    .map(r -> Map.<String, Object>of(
                            "from",
                            r.from(),
                            "to",
                            r.to(),
                            "weight",
                            r.weight(),
                            "curated",
                            r.curated(),
                            "source",
                            r.source(),
                            "evidence",
                            r.evidence().stream().map(SectionRef::id).toList()))
                    .toList();
            batched(tx, guide, """
              UNWIND $rows AS row
              MATCH (a:Concept {id: row.from}), (b:Concept {id: row.to})
              CREATE (a)-[:%s {weight: row.weight, curated: row.curated, source: row.source, evidence: row.evidence}]->(b)
              """.formatted(type), rows);
        });
    }

    private void writeLinks(Transaction tx, String guide, Map<SectionRef, List<SectionRef>> links) {
        List<Map<String, Object>> rows = new ArrayList<>();
        links.forEach((from, targets) -> targets.forEach(t -> rows.add(Map.of("from", from.id(), "to", t.id()))));
        batched(tx, guide, """
        UNWIND $rows AS row
        MATCH (a:Section {guide: $guide, id: row.from}), (b:Section {guide: $guide, id: row.to})
        CREATE (a)-[:LINKS_TO]->(b)
        """, rows);
    }

    private static void batched(Transaction tx, String guide, String cypher, List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            tx.run(cypher, Map.of("guide", guide, "rows", rows.subList(i, Math.min(rows.size(), i + BATCH))))
                    .consume();
        }
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }
}
