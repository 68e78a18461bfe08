package org.guidesearch.graph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * A vocabulary as canonical JSON: fields in a fixed order, concepts and relations in the order the vocabulary holds
 * them, so the same vocabulary always gives the same bytes (what the determinism test compares and the cache
 * stores). Thread-safe.
 */
public final class VocabularyJson {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public byte[] write(Vocabulary vocabulary) {
        ObjectNode root = json.createObjectNode();
        ArrayNode concepts = root.putArray("concepts");
        for (Concept c : vocabulary.concepts()) {
            ObjectNode n = concepts.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            ArrayNode aliases = n.putArray("aliases");
            c.aliases().forEach(aliases::add);
            n.put("kind", c.kind());
            n.put("definition", c.definition());
            n.put("home", c.home() == null ? null : c.home().id());
            n.put("source", c.source());
        }
        ArrayNode relations = root.putArray("relations");
        for (CuratedRelation r : vocabulary.relations()) {
            ObjectNode n = relations.addObject();
            n.put("from", r.from());
            n.put("type", r.type().name());
            n.put("to", r.to());
            n.put("weight", r.weight());
            n.put("source", r.source());
            ArrayNode evidence = n.putArray("evidence");
            r.evidence().forEach(e -> evidence.add(e.id()));
        }
        try {
            return (json.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a vocabulary always serialises", e);
        }
    }

    public Vocabulary read(byte[] bytes) throws IOException {
        JsonNode root = json.readTree(bytes);
        List<Concept> concepts = new ArrayList<>();
        for (JsonNode n : root.path("concepts")) {
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            concepts.add(new Concept(
                    n.get("id").asText(),
                    n.get("name").asText(),
                    aliases,
                    n.get("kind").asText(),
                    n.get("definition").asText(),
                    n.hasNonNull("home") ? SectionRef.parse(n.get("home").asText()) : null,
                    n.get("source").asText()));
        }
        List<CuratedRelation> relations = new ArrayList<>();
        for (JsonNode n : root.path("relations")) {
            List<SectionRef> evidence = new ArrayList<>();
            n.path("evidence").forEach(e -> evidence.add(SectionRef.parse(e.asText())));
            relations.add(new CuratedRelation(
                    n.get("from").asText(),
                    RelationType.parse(n.get("type").asText()),
                    n.get("to").asText(),
                    evidence,
                    n.get("weight").asDouble(),
                    n.get("source").asText()));
        }
        return new Vocabulary(concepts, relations);
    }
}
