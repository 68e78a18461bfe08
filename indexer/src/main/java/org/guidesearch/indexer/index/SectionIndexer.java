package org.guidesearch.indexer.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.semantic.Passage;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a new index generation: one document per content section, plus its embedded passages, plus the readers'
 * questions filed under each section (embedded, and searchable by keywords in the section's {@code asked} field).
 */
public final class SectionIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(SectionIndexer.class);

    private final IndexStore store;
    private final PassageSplitter passages;
    private final SentenceEmbedder embedder;
    private final ReaderQuestions questions;

    public SectionIndexer(IndexStore store, PassageSplitter passages, SentenceEmbedder embedder) {
        this(store, passages, embedder, ReaderQuestions.none());
    }

    public SectionIndexer(
            IndexStore store, PassageSplitter passages, SentenceEmbedder embedder, ReaderQuestions questions) {
        this.store = store;
        this.passages = passages;
        this.embedder = embedder;
        this.questions = questions;
    }

    /** Builds and switches to the new generation; returns its folder. The previous one serves until then. */
    public Path build(List<Section> sections) throws IOException {
        return build(sections, List.of());
    }

    /**
     * As {@link #build(List)}, with {@code guideposts}: extra passages that point readers at a section in other words
     * than its own (a concept's definition points at the section that teaches it).
     */
    public Path build(List<Section> sections, List<Passage> guideposts) throws IOException {
        Set<String> content = sections.stream()
                .filter(s -> !s.isNavigation())
                .map(Section::id)
                .collect(Collectors.toSet());
        List<Passage> asked = questions.passages().stream()
                .filter(p -> content.contains(p.sectionId()))
                .toList();
        if (asked.size() < questions.passages().size()) {
            // The guide moved on and some questions name a heading it no longer has: they wait for their file to be
            // fixed.
            LOG.warn(
                    "{} reader questions name sections this corpus does not have; left out",
                    questions.passages().size() - asked.size());
        }
        List<Passage> all = new ArrayList<>(guideposts);
        all.addAll(asked);
        for (Section s : sections) {
            if (!s.isNavigation()) all.addAll(passages.split(s));
        }
        List<float[][]> vectors =
                embedder.embedAll(all.stream().map(Passage::text).toList());
        embedder.learnWords(
                sections.stream().map(s -> s.title() + "\n" + s.prose()).toList());
        List<Document> passageDocs = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++)
            passageDocs.add(SectionSchema.toPassageDocument(all.get(i), vectors.get(i)));
        Map<String, String> askedBySection = new HashMap<>();
        for (Passage p : asked) askedBySection.merge(p.sectionId(), p.text(), (a, b) -> a + "\n" + b);
        return store.build(sections, askedBySection, passageDocs);
    }

    public IndexStore store() {
        return store;
    }
}
