package org.guidesearch.indexer.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause.Occur;
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
  private final AttributeSource template;
  private final List<AttributeSource.State> tokens;
  private final AttributeSource.State end;
  private final Builder builder;
  /** The first field's any-word query: the others are copies of it (not thread-safe: one plan, one thread). */
  private Query anyWordModel;
  /** The first phrase built; the others are copies of it with their own field and slop. */
  private Query phraseModel;

  private AnalysedQuery(AttributeSource template, List<AttributeSource.State> tokens, AttributeSource.State end,
      Analyzer analyzer) {
    this.template = template;
    this.tokens = tokens;
    this.end = end;
    this.builder = new Builder(analyzer);
  }

  static AnalysedQuery of(Analyzer analyzer, String text) {
    try (TokenStream ts = analyzer.tokenStream("", text)) {
      ts.reset();
      List<AttributeSource.State> tokens = new ArrayList<>();
      while (ts.incrementToken()) tokens.add(ts.captureState());
      ts.end();
      return new AnalysedQuery(ts.cloneAttributes(), tokens, ts.captureState(), analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
  }

  /** Any of the words in {@code field}; null when the text has no searchable word. */
  Query anyWord(String field) {
    if (anyWordModel == null) {
      anyWordModel = builder.build(replay(), Occur.SHOULD, field, false, 0);
      return anyWordModel;
    }
    Query copied = FieldRetarget.to(anyWordModel, field);
    return copied != null ? copied : builder.build(replay(), Occur.SHOULD, field, false, 0);
  }

  /** The words as a phrase in {@code field}, {@code slop} positions apart at most; null when there is none. */
  Query phrase(String field, int slop) {
    if (phraseModel == null) {
      phraseModel = builder.build(replay(), Occur.MUST, field, true, slop);
      return phraseModel;
    }
    // Without slop Lucene makes a multi-word synonym's phrase of spans instead: that is built, not copied.
    Query copied = slop > 0 ? FieldRetarget.to(phraseModel, field, slop) : null;
    return copied != null ? copied : builder.build(replay(), Occur.MUST, field, true, slop);
  }

  private TokenStream replay() {
    return new TokenStream(template.cloneAttributes()) {
      private int next;

      @Override
      public boolean incrementToken() {
        if (next == tokens.size()) return false;
        restoreState(tokens.get(next++));
        return true;
      }

      @Override
      public void end() throws IOException {
        super.end();
        restoreState(end);
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
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
