package org.guidesearch.indexer.corpus;

/** What a section is for: search and the graph look only at content; summaries rank below what they summarise. */
public enum SectionRole {
    CONTENT,
    /** "Key Takeaways": repeats what the chapter taught, so it must never outrank the teaching section. */
    SUMMARY,
    /** Tables of contents and "Where to Go Next": links, not content. */
    NAVIGATION
}
