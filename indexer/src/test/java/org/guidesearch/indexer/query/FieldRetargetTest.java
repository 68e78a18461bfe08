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
                    assertThat(FieldRetarget.to(first, field))
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
                        new org.apache.lucene.search.PrefixQuery(new org.apache.lucene.index.Term("a", "b")), "c"))
                .isNull();
    }
}
