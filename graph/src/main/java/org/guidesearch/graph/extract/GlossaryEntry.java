package org.guidesearch.graph.extract;

import org.guidesearch.indexer.corpus.SectionRef;

/**
 * "**Term (ALIAS)**: definition" in a list of such entries; {@code alias} is empty when the term has none, and
 * {@code named} tells whether the section's heading calls it a glossary.
 */
record GlossaryEntry(String term, String alias, String definition, SectionRef section, boolean named) {}
