package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.guidesearch.indexer.index.SectionAnalyzer;
import org.guidesearch.indexer.index.SectionSchema;
import org.junit.jupiter.api.Test;

/**
 * Copying one field's query to another gives exactly the query Lucene's builder makes for that field, for the
 * shapes readers' text takes: single words, code identifiers with parts, stop words, one- and multi-word synonyms.
 */
class FieldRetargetTest {
    private static final SynonymMap SYNONYMS = SynonymGroups.toMap(List.of(
            List.of("GIL", "global interpreter lock"),
            List.of("GC", "garbage collector"),
            List.of("venv", "virtual environment"),
            List.of("MRO", "method resolution order")));

    @Test
    void aCopiedQueryEqualsTheOneBuiltForTheField() {
        SectionAnalyzer analyzer = new SectionAnalyzer(SYNONYMS);
        QueryBuilder builder = new QueryBuilder(analyzer);
        for (String text : List.of(
                "GIL",
                "global interpreter lock",
                "why does the GIL stop my threads",
                "__slots__",
                "sys.settrace",
                "gc.set_threshold and the GC",
                "the of and",
                "*args **kwargs",
                "MRO vs method resolution order",
                "venv pip",
                "@dataclass(frozen=True)")) {
            AnalysedQuery analysed = AnalysedQuery.of(analyzer, text);
            Query first = analysed.anyWord(SectionSchema.TITLE);
            assertThat(first).as(text).isEqualTo(builder.createBooleanQuery(SectionSchema.TITLE, text));
            for (String field : List.of(SectionSchema.PROSE, SectionSchema.CODE, SectionSchema.ASKED)) {
                Query expected = builder.createBooleanQuery(field, text);
                assertThat(analysed.anyWord(field)).as("%s in %s", text, field).isEqualTo(expected);
                if (first != null)
                    assertThat(FieldRetarget.to(first, field, FieldRetarget.NEW_TERMS))
                            .as("%s copied to %s", text, field)
                            .isEqualTo(expected);
            }
            assertThat(analysed.phrase(SectionSchema.TITLE, 1))
                    .as(text)
                    .isEqualTo(builder.createPhraseQuery(SectionSchema.TITLE, text, 1));
            assertThat(analysed.phrase(SectionSchema.PROSE, 3))
                    .as("%s, copied", text)
                    .isEqualTo(builder.createPhraseQuery(SectionSchema.PROSE, text, 3));
            assertThat(analysed.phrase(SectionSchema.CODE, 0))
                    .as("%s, without slop", text)
                    .isEqualTo(builder.createPhraseQuery(SectionSchema.CODE, text, 0));
        }
    }

    @Test
    void aKindOfQueryItDoesNotKnowIsNotCopied() {
        assertThat(FieldRetarget.to(
                        new org.apache.lucene.search.PrefixQuery(new org.apache.lucene.index.Term("a", "b")),
                        "c",
                        FieldRetarget.NEW_TERMS))
                .isNull();
    }

    @Test
    void aCopyTakesItsTermsFromTheGivenSource() {
        org.apache.lucene.index.Term kept =
                new org.apache.lucene.index.Term(SectionSchema.PROSE, "lid"); // a word the stemmer keeps
        FieldRetarget.TermSource source =
                (field, bytes) -> kept.field().equals(field) && kept.bytes().equals(bytes)
                        ? kept
                        : new org.apache.lucene.index.Term(field, bytes);
        Query title = new QueryBuilder(new SectionAnalyzer()).createBooleanQuery(SectionSchema.TITLE, "kettle lid");
        Query copied = FieldRetarget.to(title, SectionSchema.PROSE, source);
        assertThat(copied)
                .isEqualTo(
                        new QueryBuilder(new SectionAnalyzer()).createBooleanQuery(SectionSchema.PROSE, "kettle lid"));
        java.util.Set<org.apache.lucene.index.Term> terms =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        copied.visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
        assertThat(terms).as("the source's own instance").contains(kept);
    }
}
