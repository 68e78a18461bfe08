package org.guidesearch.indexer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English prose with code-aware tokens: lower-cased, possessives and stop words dropped, Porter-stemmed, while code
 * identifiers stay whole and also yield their parts ({@link CodePartsFilter}).
 *
 * <p>The query-time variant adds synonyms (TTL ⇄ time to live); the index-time one never does, so a
 * change of vocabulary needs no re-index.
 */
public final class SectionAnalyzer extends Analyzer {
    private final SynonymMap synonyms;

    /** Index-time analysis: no synonyms. */
    public SectionAnalyzer() {
        this(null);
    }

    /** Query-time analysis with {@code synonyms} applied before stemming; null for none. */
    public SectionAnalyzer(SynonymMap synonyms) {
        this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        if (synonyms != null && synonyms.fst != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        stream = new CodePartsFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
