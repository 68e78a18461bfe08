package org.guidesearch.graph.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;

/** A guide of one Markdown file written to a temporary folder and read by the real corpus reader. */
record SmallGuide(Path folder, Corpus corpus) {
    static SmallGuide of(String markdown) throws IOException {
        Path folder = Files.createTempDirectory("small-guide");
        Files.writeString(folder.resolve("part1.md"), markdown);
        return new SmallGuide(folder, new CorpusReader(new SectionSplitter()).read(folder));
    }
}
