package org.guidesearch.graph.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.guidesearch.graph.model.MentionMatcher;
import org.guidesearch.graph.vocabulary.Vocabulary;

/**
 * Finds terms the guide marks as important — bold terms, inline code identifiers, glossary entries, headings — that
 * no concept of the vocabulary matches, ranked by how often and how widely they occur, so the vocabulary can grow
 * by review rather than by guessing.
 */
public final class CandidateDiscovery {
    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 40;

    private final Parser parser = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
            .build();

    public List<Candidate> discover(Path corpusDir, Vocabulary vocabulary) throws IOException {
        MentionMatcher known = new MentionMatcher(vocabulary.concepts());
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(corpusDir)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : files) {
            String doc = file.getFileName().toString();
            Node root = parser.parse(Files.readString(file, StandardCharsets.UTF_8));
            root.accept(new AbstractVisitor() {
                private boolean inGlossaryItem;

                @Override
                public void visit(StrongEmphasis strong) {
                    note(textOf(strong), inGlossaryItem ? "glossary" : "bold", doc);
                }

                @Override
                public void visit(Code code) {
                    note(code.getLiteral(), "code", doc);
                }

                @Override
                public void visit(Heading heading) {
                    String title = org.guidesearch.indexer.corpus.Section.withoutNumber(textOf(heading));
                    note(title, "heading", doc);
                }

                @Override
                public void visit(ListItem item) {
                    // Glossary entries are list items that open with a bold term: "**LRU**: an eviction policy ..."
                    boolean was = inGlossaryItem;
                    Node first = item.getFirstChild() == null
                            ? null
                            : item.getFirstChild().getFirstChild();
                    inGlossaryItem = first instanceof StrongEmphasis;
                    visitChildren(item);
                    inGlossaryItem = was;
                }

                private void note(String raw, String source, String file) {
                    String term = raw.strip().replaceAll("[\\s:.,;]+$", "").replaceAll("\\(\\)$", "");
                    if (term.length() < MIN_LENGTH
                            || term.length() > MAX_LENGTH
                            || term.chars().noneMatch(Character::isLetter)) {
                        return;
                    }
                    if (!known.mentions(term).isEmpty()) return;
                    tallies.computeIfAbsent(term.toLowerCase(Locale.ROOT), k -> new Tally())
                            .add(term, source, file);
                }
            });
        }
        List<Candidate> out = new ArrayList<>();
        tallies.values().forEach(t -> out.add(t.toCandidate()));
        out.sort(Comparator.comparingInt((Candidate c) -> -c.count())
                .thenComparingInt(c -> -c.files())
                .thenComparing(Candidate::term));
        return out;
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString();
    }

    /** Counts for one term, case-folded; remembers its most frequent spelling. */
    private static final class Tally {
        final Map<String, Integer> spellings = new HashMap<>();
        final Set<String> sources = new HashSet<>();
        final Set<String> files = new HashSet<>();
        int count;

        void add(String spelling, String source, String file) {
            spellings.merge(spelling, 1, Integer::sum);
            sources.add(source);
            files.add(file);
            count++;
        }

        Candidate toCandidate() {
            String best = spellings.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            return new Candidate(best, sources, count, files.size());
        }
    }
}
