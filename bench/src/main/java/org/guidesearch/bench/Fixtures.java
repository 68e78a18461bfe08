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
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.guide.GuideFetcher;
import org.guidesearch.indexer.guide.GuideManifest;

/** Where the benchmarks find the guide and the vocabulary, and the queries they send (the judged keyword queries). */
final class Fixtures {
    private Fixtures() {}

    /** The guide measured: the first of the guides manifest ({@code -Dbench.guides}, as {@code GUIDES} for ./run). */
    static Guide guide() {
        return GuideManifest.load(manifest()).first();
    }

    static Path manifest() {
        return Path.of(System.getProperty(
                "bench.guides", dataDir().resolve("guides.json").toString()));
    }

    /** The guide's Markdown, got as ./run gets it: the kept copy in var/guides, else its mirrors. */
    static Path corpusDir() {
        try {
            return GuideFetcher.withDefaultLimits(
                            dataDir().toAbsolutePath().resolveSibling("var").resolve("guides"))
                    .fetch(guide())
                    .folder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dataDir() {
        return Path.of(System.getProperty("bench.data", "data"));
    }

    /** The guide's curated overlay (vocabulary, relations, reader questions), as its manifest entry names it. */
    static Path guideDataDir() {
        return guide().dataDir();
    }

    /** The keyword queries of {@code data/eval/queries.json}: real readers' words, misspellings included. */
    static List<String> keywordQueries() {
        try {
            JsonNode root = new ObjectMapper()
                    .readTree(dataDir().resolve("eval/queries.json").toFile());
            List<String> out = new ArrayList<>();
            root.path("queries").forEach(q -> {
                if ("keyword".equals(q.path("kind").asText()))
                    out.add(q.path("query").asText());
            });
            if (out.isEmpty()) throw new IllegalStateException("no keyword queries in data/eval/queries.json");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The distinct words of four letters or more in the guide's prose, lower-cased and sorted: what the unseen queries
     * are made of, in process and over HTTP.
     */
    static List<String> guideWords(List<Section> sections) {
        Set<String> words = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[a-z]{4,}\\b").matcher("");
        for (Section s : sections) {
            m.reset(s.prose().toLowerCase(Locale.ROOT));
            while (m.find()) words.add(m.group());
        }
        return List.copyOf(words);
    }

    /**
     * {@code count} queries of two words each, drawn (seeded) from {@link #guideWords}; so many pairs exist that a run
     * never repeats one.
     */
    static List<String> unseenQueries(List<Section> sections, int count) {
        List<String> pool = guideWords(sections);
        Random random = new Random(42);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(pool.get(random.nextInt(pool.size())) + " " + pool.get(random.nextInt(pool.size())));
        }
        return out;
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
