package org.guidesearch.indexer.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.QueryBuilder;

/**
 * Query text analysed once (tokens, synonyms, code parts, stems), from which the query of every field is built.
 *
 * <p>Every searched field shares one analyzer, so analysing the text again per field (seven times, with the
 * synonym graph each time) repeated the same work: Lucene's {@link QueryBuilder} accepts a token stream, so the
 * captured tokens are replayed to it instead, and the any-word query of one field is copied to the others
 * ({@link FieldRetarget}).
 */
final class AnalysedQuery {
    /** The tokens the any-word queries are built from. */
    private final TokenGraph words;
    /** The tokens the phrases are built from; null when the query has no room for phrases. */
    private final TokenGraph phraseWords;

    private final Builder builder;
    /** Where copies to other fields get their terms. */
    private final FieldRetarget.TermSource terms;
    /** The first field's any-word query: the others are copies of it (not thread-safe: one plan, one thread). */
    private Query anyWordModel;
    /** The first phrase built; the others are copies of it with their own field and slop. */
    private Query phraseModel;

    private AnalysedQuery(TokenGraph words, TokenGraph phraseWords, Analyzer analyzer, FieldRetarget.TermSource terms) {
        this.words = words;
        this.phraseWords = phraseWords;
        this.builder = new Builder(analyzer);
        this.terms = terms;
    }

    /** {@code text} with every synonym expansion, however many clauses that makes. */
    static AnalysedQuery of(Analyzer analyzer, String text) {
        TokenGraph graph = analyse(analyzer, text);
        return new AnalysedQuery(graph, graph, analyzer, FieldRetarget.NEW_TERMS);
    }

    /**
     * {@code text} with as many synonym expansions as {@code budget} allows ({@link ClauseBudget}); with phrases when
     * {@code phrases} and there is room for them. Copies to other fields take their terms from {@code terms}.
     */
    static AnalysedQuery within(
            Analyzer analyzer, String text, ClauseBudget budget, boolean phrases, FieldRetarget.TermSource terms) {
        ClauseBudget.Fitted fitted = budget.fit(analyse(analyzer, text), phrases);
        return new AnalysedQuery(fitted.anyWord(), fitted.phrase(), analyzer, terms);
    }

    static TokenGraph analyse(Analyzer analyzer, String text) {
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            ts.reset();
            List<AttributeSource.State> tokens = new ArrayList<>();
            while (ts.incrementToken()) tokens.add(ts.captureState());
            ts.end();
            return TokenGraph.of(ts.cloneAttributes(), tokens, ts.captureState());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
    }

    /** Any of the words in {@code field}; null when the text has no searchable word. */
    Query anyWord(String field) {
        if (anyWordModel == null) {
            List<TokenGraph.Word> plain = words.plainWords();
            anyWordModel = plain != null
                    ? PlainWords.anyWord(plain, field, terms)
                    : builder.build(words.stream(), Occur.SHOULD, field, false, 0);
            return anyWordModel;
        }
        Query copied = FieldRetarget.to(anyWordModel, field, terms);
        return copied != null ? copied : builder.build(words.stream(), Occur.SHOULD, field, false, 0);
    }

    /**
     * Any of the words in every one of {@code fields}, each field's score weighted; null when the text has no
     * searchable word. Scored a word at a time across the fields ({@link WordsInFields}) when the words' query can be
     * copied between fields, as any query the builder makes of words is; else one copy per field.
     */
    Query anyWordIn(WeightedFields fields) {
        Query model = anyWord(fields.first());
        if (model == null) return null;
        if (FieldRetarget.copiable(model)) return new WordsInFields(model, fields);
        BooleanQuery.Builder each = new BooleanQuery.Builder();
        for (WeightedFields.Field f : fields.fields()) {
            Query q = anyWord(f.name());
            each.add(f.boost() == 1f ? q : new BoostQuery(q, f.boost()), Occur.SHOULD);
        }
        return each.build();
    }

    /**
     * The words as a phrase in {@code field}, {@code slop} positions apart at most; null when there is none or no room
     * for one.
     */
    Query phrase(String field, int slop) {
        if (phraseWords == null) return null;
        if (phraseModel == null) {
            List<TokenGraph.Word> plain = phraseWords.plainWords();
            phraseModel = plain != null
                    ? PlainWords.phrase(plain, field, slop, terms)
                    : builder.build(phraseWords.stream(), Occur.MUST, field, true, slop);
            return phraseModel;
        }
        // Without slop Lucene makes a multi-word synonym's phrase of spans instead: that is built, not copied.
        Query copied = slop > 0 ? FieldRetarget.to(phraseModel, field, slop, terms) : null;
        return copied != null ? copied : builder.build(phraseWords.stream(), Occur.MUST, field, true, slop);
    }

    /** Opens {@link QueryBuilder}'s token-stream entry point. */
    private static final class Builder extends QueryBuilder {
        Builder(Analyzer analyzer) {
            super(analyzer);
        }

        Query build(TokenStream tokens, Occur occur, String field, boolean quoted, int slop) {
            return createFieldQuery(tokens, occur, field, quoted, slop);
        }
    }
}
