package org.guidesearch.indexer.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Questions readers ask in their own words, each filed under the section that answers it ({@code data/questions/*.json},
 * one file per guide file, written by reading the guide). They are embedded as extra passages of that section, so a
 * question phrased nothing like the section's prose still lands on it: hand-written document expansion ("doc2query").
 *
 * <p>Optional: a corpus without such files is searched by its own text alone.
 */
public record ReaderQuestions(List<Passage> passages) {
    /** Where the questions live in the data folder. */
    public static final String FOLDER = "questions";

    public ReaderQuestions {
        passages = List.copyOf(passages);
    }

    /** These questions but those {@code drop} accepts. */
    public ReaderQuestions without(java.util.function.Predicate<String> drop) {
        return new ReaderQuestions(
                passages.stream().filter(p -> !drop.test(p.text())).toList());
    }

    public static ReaderQuestions none() {
        return new ReaderQuestions(List.of());
    }

    /** Reads every {@code *.json} file of {@code folder}; an absent folder holds no questions. */
    public static ReaderQuestions load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return none();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        ObjectMapper json = new ObjectMapper();
        List<Passage> out = new ArrayList<>();
        for (Path file : files) {
            JsonNode root = json.readTree(file.toFile());
            for (JsonNode entry : root.path("sections")) {
                String section = entry.path("section").asText("");
                if (section.isBlank() || !section.contains("#")) {
                    throw new IOException(file.getFileName() + ": an entry names no section (doc#anchor): " + entry);
                }
                for (JsonNode q : entry.path("questions")) {
                    String text = q.asText("").strip();
                    if (!text.isEmpty()) out.add(new Passage(section, Passage.READER_QUESTION, text, ""));
                }
            }
        }
        return new ReaderQuestions(out);
    }
}
