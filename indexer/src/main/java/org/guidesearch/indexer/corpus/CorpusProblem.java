package org.guidesearch.indexer.corpus;

/** A file that could not be read as Markdown: where, and why. It is skipped; the rest is indexed. */
public record CorpusProblem(String doc, int line, String message) {
    @Override
    public String toString() {
        return doc + ":" + line + ": " + message;
    }
}
