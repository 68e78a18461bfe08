package org.guidesearch.indexer.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guide's own links are the oracle for heading ids: every {@code #anchor} and {@code ./partN.md#anchor} it makes
 * must name a section the splitter produced. The links are read from the raw Markdown with a pattern that knows
 * nothing of the splitter, outside fenced code.
 */
class GuideHeadingLinksIT {
    private static final Pattern LINK = Pattern.compile("\\]\\((?:\\./)?([\\w.-]+\\.md)?#([^)\\s]+)\\)");

    static Path corpus() {
        return Path.of(System.getProperty("corpus.dir", "../../shared/corpus/python-under-the-hood"));
    }

    @Test
    void everyHeadingLinkInTheGuideResolvesToASection() throws IOException {
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(corpus());
        Set<SectionRef> produced = corpus.sections().stream().map(Section::ref).collect(Collectors.toSet());

        Set<SectionRef> links = linksIn(corpus());
        assertThat(links).hasSizeGreaterThan(100);
        assertThat(links)
                .allSatisfy(link ->
                        assertThat(produced).as("section for link %s", link).contains(link));
        assertThat(corpus.problems()).isEmpty();
    }

    @Test
    void linkTargetsAreContentNotNavigation() throws IOException {
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(corpus());
        for (SectionRef link : linksIn(corpus())) {
            assertThat(corpus.find(link).orElseThrow().role())
                    .as("role of %s", link)
                    .isNotEqualTo(SectionRole.NAVIGATION);
        }
    }

    private static Set<SectionRef> linksIn(Path folder) throws IOException {
        Set<SectionRef> links = new LinkedHashSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : files) {
            String doc = file.getFileName().toString();
            boolean inFence = false;
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) continue;
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    links.add(new SectionRef(m.group(1) == null ? doc : m.group(1), m.group(2)));
                }
            }
        }
        return links;
    }
}
