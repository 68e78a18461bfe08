package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExtractionCacheTest {
    @Test
    void theSameTextIsExtractedOnceAndAChangedTextAgain() throws Exception {
        Path folder = Files.createTempDirectory("extraction-cache");
        ExtractionCache cache = new ExtractionCache(folder, new ConceptExtractor());
        SmallGuide guide = SmallGuide.of(ConceptExtractorTest.GUIDE);
        var first = cache.vocabulary(guide.corpus(), guide.folder());
        var again = cache.vocabulary(guide.corpus(), guide.folder());
        assertThat(again).isEqualTo(first);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).hasSize(1);
        }
        SmallGuide changed = SmallGuide.of(ConceptExtractorTest.GUIDE + "\nA tree is a plant.\n");
        cache.vocabulary(changed.corpus(), changed.folder());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).hasSize(2);
        }
    }
}
