package org.guidesearch.indexer.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's reader questions name real sections, each question once; the loader rejects what it cannot file. */
class ReaderQuestionsIT {
    static Path corpus() {
        return Path.of(System.getProperty("corpus.dir", "../../shared/corpus/python-under-the-hood"));
    }

    static Path questions() {
        return Path.of(System.getProperty("data.dir", "../data"))
                .resolve("python-under-the-hood")
                .resolve(ReaderQuestions.FOLDER);
    }

    @Test
    void everyQuestionOfTheGuideIsFiledUnderOneOfItsContentSections() throws IOException {
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(corpus());
        Set<String> content = corpus.sections().stream()
                .filter(s -> !s.isNavigation())
                .map(Section::id)
                .collect(Collectors.toSet());
        List<Passage> passages = ReaderQuestions.load(questions()).passages();

        assertThat(passages).hasSizeGreaterThan(400);
        assertThat(passages)
                .allSatisfy(p ->
                        assertThat(content).as("section of \"%s\"", p.text()).contains(p.sectionId()));
        Map<String, Long> perSection =
                passages.stream().collect(Collectors.groupingBy(Passage::sectionId, Collectors.counting()));
        assertThat(perSection.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        // Most of the guide is covered, so the expansion is not a patch for a few favoured sections.
        assertThat(perSection.size()).isGreaterThan(content.size() * 8 / 10);
    }

    @Test
    void noQuestionIsFiledUnderTwoSections() throws IOException {
        Map<String, Long> copies = ReaderQuestions.load(questions()).passages().stream()
                .collect(
                        Collectors.groupingBy(p -> p.text().toLowerCase(java.util.Locale.ROOT), Collectors.counting()));
        assertThat(copies).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1L));
    }

    @Test
    void aFolderWithoutQuestionsHoldsNone(@TempDir Path dir) throws IOException {
        assertThat(ReaderQuestions.load(dir.resolve("absent")).passages()).isEmpty();
        assertThat(ReaderQuestions.load(dir).passages()).isEmpty();
    }

    @Test
    void readsEveryJsonFileAndTrimsTheQuestions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), """
        {"doc": "a.md", "sections": [{"section": "a.md#one", "questions": ["  why is the sky blue ", ""]}]}""");
        Files.writeString(dir.resolve("b.json"), """
        {"doc": "b.md", "sections": [{"section": "b.md#two", "questions": ["what is two"]}]}""");
        Files.writeString(dir.resolve("notes.txt"), "not questions");

        Map<String, String> bySection = ReaderQuestions.load(dir).passages().stream()
                .collect(Collectors.toMap(Passage::sectionId, Passage::text));
        assertThat(bySection)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("a.md#one", "why is the sky blue", "b.md#two", "what is two"));
    }

    @Test
    void anEntryWithoutASectionFailsNamingItsFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), """
        {"doc": "a.md", "sections": [{"questions": ["orphan question"]}]}""");
        assertThatThrownBy(() -> ReaderQuestions.load(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("broken.json");
    }
}
