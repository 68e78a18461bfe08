package org.guidesearch.graph.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidesearch.indexer.corpus.SectionRef;

/** Reads {@code concepts.json} and {@code relations.json} from the data folder. */
public final class VocabularyLoader {
    private final ObjectMapper json = new ObjectMapper();

    /** A guide's curated vocabulary: none when it has no overlay folder or the folder has no {@code concepts.json}. */
    public Vocabulary loadIfPresent(Path dataDir) throws IOException {
        if (dataDir == null || !Files.isRegularFile(dataDir.resolve("concepts.json"))) {
            return new Vocabulary(List.of(), List.of());
        }
        return load(dataDir);
    }

    public Vocabulary load(Path dataDir) throws IOException {
        Path conceptsFile = dataDir.resolve("concepts.json");
        if (!Files.isRegularFile(conceptsFile)) {
            throw new VocabularyException("no concept vocabulary at " + conceptsFile.toAbsolutePath());
        }
        List<Concept> concepts = new ArrayList<>();
        for (JsonNode n : json.readTree(conceptsFile.toFile())) {
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            concepts.add(new Concept(
                    text(n, "id", conceptsFile),
                    text(n, "name", conceptsFile),
                    aliases,
                    n.path("kind").asText(null),
                    n.path("definition").asText(null),
                    n.hasNonNull("home") ? SectionRef.parse(n.get("home").asText()) : null));
        }
        List<CuratedRelation> relations = new ArrayList<>();
        Path relationsFile = dataDir.resolve("relations.json");
        if (Files.isRegularFile(relationsFile)) {
            for (JsonNode n : json.readTree(relationsFile.toFile())) {
                List<SectionRef> evidence = new ArrayList<>();
                for (JsonNode e : n.path("evidence")) {
                    SectionRef ref = SectionRef.parse(e.asText());
                    if (ref == null) {
                        throw new VocabularyException(
                                "evidence '" + e.asText() + "' in " + relationsFile + " is not doc#anchor");
                    }
                    evidence.add(ref);
                }
                relations.add(new CuratedRelation(
                        text(n, "from", relationsFile),
                        RelationType.parse(text(n, "type", relationsFile)),
                        text(n, "to", relationsFile),
                        evidence));
            }
        }
        return new Vocabulary(concepts, relations);
    }

    /**
     * Names and ids of extracted concepts to drop, from {@code blocklist.json} beside {@code concepts.json} (a JSON
     * array of strings); empty when the guide has no overlay folder ({@code dataDir} null) or the file is absent.
     */
    public java.util.Set<String> blocklist(Path dataDir) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (dataDir == null || !Files.isRegularFile(dataDir.resolve("blocklist.json"))) return out;
        Path file = dataDir.resolve("blocklist.json");
        JsonNode root = json.readTree(file.toFile());
        if (!root.isArray()) throw new VocabularyException(file + " must be a JSON array of names or ids");
        root.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode n, String field, Path file) {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            throw new VocabularyException("an entry in " + file.getFileName() + " lacks '" + field + "': " + n);
        }
        return n.get(field).asText();
    }
}
