package org.guidesearch.graph.extract;

import org.guidesearch.indexer.corpus.SectionRef;

/** "**Term (ALIAS)**: definition" in a glossary section; {@code alias} is empty when the term has none. */
record GlossaryEntry(String term, String alias, String definition, SectionRef section) {}
