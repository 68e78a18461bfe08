package org.guidesearch.indexer.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.guidesearch.indexer.index.SectionSchema;

/** Turns groups of equivalent phrases (a concept's name and aliases) into a Lucene synonym map. */
public final class SynonymGroups {
    private SynonymGroups() {}

    /** Every phrase of a group maps to every other, keeping the original; phrases are lower-cased words. */
    public static SynonymMap toMap(Collection<? extends Collection<String>> groups) {
        Analyzer words = SectionSchema.plainWords();
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (Collection<String> group : groups) {
                List<CharsRef> phrases = new ArrayList<>();
                for (String phrase : group) {
                    CharsRef joined = join(words, phrase);
                    if (joined != null && !phrases.contains(joined)) {
                        phrases.add(joined);
                    }
                }
                for (CharsRef from : phrases) {
                    for (CharsRef to : phrases) {
                        if (!from.equals(to)) {
                            builder.add(from, to, true);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef join(Analyzer analyzer, String phrase) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", phrase)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        }
        return tokens.isEmpty() ? null : SynonymMap.Builder.join(tokens.toArray(String[]::new), new CharsRefBuilder());
    }
}
