package org.guidesearch.indexer.index;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.semantic.Passage;

/** The one place that knows the Lucene fields of a section and how a {@link Section} maps to a document. */
public final class SectionSchema {
    public static final String ID = "id";
    public static final String DOC = "doc";
    public static final String ANCHOR = "anchor";
    public static final String TITLE = "title";
    public static final String TITLE_EXACT = "title_exact";
    public static final String BREADCRUMB = "breadcrumb";
    public static final String PROSE = "prose";
    public static final String CODE = "code";
    /** Title, prose and code as written, token by token ({@link SymbolAnalyzer}): flags and operators whole. */
    public static final String SYMBOLS = "symbols";
    /** The table of contents' description of the section: the author's own summary. */
    public static final String SYNOPSIS = "synopsis";
    /** Questions readers ask in their own words that the section answers (hand-written document expansion). */
    public static final String ASKED = "asked";

    public static final String LEVEL = "level";
    /** The enclosing section's id ({@code doc#anchor}), or absent at the top. */
    public static final String PARENT = "parent";

    public static final String ROLE = "role";
    public static final String ORDER = "order";
    /** Unstemmed words of title and prose: the dictionary for spelling corrections and prefix completion. */
    public static final String SPELL = "spell";
    /** "section" or "passage": passages carry the embedding vectors and point at their section. */
    public static final String KIND = "kind";

    public static final String SECTION_KIND = "section";
    public static final String PASSAGE_KIND = "passage";
    public static final String VECTOR = "vector";
    public static final String PASSAGE_OF = "passage_of";
    public static final String PASSAGE_SNIPPET = "passage_snippet";
    /** The passage's place in its section, or what it is when it is none ({@link Passage#READER_QUESTION}). */
    public static final String PASSAGE_ORDINAL = "passage_ordinal";

    private static final String CRUMB_SEPARATOR = "\u001f";
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private SectionSchema() {}

    public static Document toDocument(Section s) {
        return toDocument(s, "");
    }

    /** @param asked questions readers ask that this section answers, one per line, or empty */
    public static Document toDocument(Section s, String asked) {
        Document d = new Document();
        d.add(new StringField(ID, s.id(), Field.Store.YES));
        d.add(new StringField(KIND, SECTION_KIND, Field.Store.NO));
        d.add(new StringField(DOC, s.doc(), Field.Store.YES));
        d.add(new SortedDocValuesField(DOC, new BytesRef(s.doc())));
        d.add(new StoredField(ANCHOR, s.anchor()));
        d.add(new Field(TITLE, s.title(), TEXT_WITH_OFFSETS));
        d.add(new StringField(TITLE_EXACT, normalizeTitle(s.title()), Field.Store.NO));
        d.add(new Field(BREADCRUMB, String.join(CRUMB_SEPARATOR, s.breadcrumb()), TEXT_WITH_OFFSETS));
        d.add(new Field(PROSE, s.prose(), TEXT_WITH_OFFSETS));
        d.add(new TextField(CODE, s.code(), Field.Store.YES));
        d.add(new TextField(SYNOPSIS, s.synopsis(), Field.Store.YES));
        d.add(new TextField(ASKED, asked, Field.Store.NO));
        d.add(new StoredField(LEVEL, s.level()));
        if (s.parent() != null) d.add(new StoredField(PARENT, s.doc() + "#" + s.parent()));
        d.add(new StringField(ROLE, s.role().name(), Field.Store.YES));
        d.add(new StoredField(ORDER, s.order()));
        d.add(new NumericDocValuesField(ORDER, s.order()));
        d.add(new TextField(SPELL, s.title() + "\n" + s.prose(), Field.Store.NO));
        d.add(new TextField(SYMBOLS, s.title() + "\n" + s.prose() + "\n" + s.code(), Field.Store.NO));
        return d;
    }

    /** Index-time analysis: the section analyzer everywhere but the plain-word spelling field and the symbols. */
    public static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(
                new SectionAnalyzer(), Map.of(SPELL, plainWords(), SYMBOLS, new SymbolAnalyzer()));
    }

    /** Lower-cased words, nothing else: what spelling suggestions are made of. */
    public static Analyzer plainWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    /** A passage of a section with its sentence embedding, for nearest-neighbour search. */
    public static Document toPassageDocument(Passage p, float[][] vectors) {
        Document d = new Document();
        d.add(new StringField(KIND, PASSAGE_KIND, Field.Store.NO));
        d.add(new StoredField(PASSAGE_OF, p.sectionId()));
        d.add(new StoredField(PASSAGE_SNIPPET, p.snippet()));
        d.add(new StoredField(PASSAGE_ORDINAL, p.ordinal()));
        for (int m = 0; m < vectors.length; m++) {
            d.add(new KnnFloatVectorField(
                    vectorField(m), unitLength(vectors[m]), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    /**
     * {@code v} scaled to length 1. Vectors are stored and searched at unit length, so their dot product is their
     * cosine: the same ranking and scores as cosine similarity, without two norms computed per comparison.
     */
    public static float[] unitLength(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = v[i] / norm;
        return out;
    }

    /** The vector field of the {@code m}-th embedding model. */
    public static String vectorField(int m) {
        return VECTOR + "_" + m;
    }

    public static List<String> breadcrumbOf(Document d) {
        String raw = d.get(BREADCRUMB);
        return raw == null || raw.isEmpty() ? List.of() : Arrays.asList(raw.split(CRUMB_SEPARATOR));
    }

    /** What {@link #normalizeTitle} turns into a space; compiled once, as every plan normalises its query text. */
    private static final Pattern NOT_TITLE_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

    /**
     * A title reduced to its words, without the section number: "4.2. A Time To Live (TTL) Cache" becomes
     * "a time to live ttl cache", so a query that types the whole title gets the exact-title boost.
     */
    public static String normalizeTitle(String title) {
        return NOT_TITLE_WORD
                .matcher(Section.withoutNumber(title).toLowerCase(java.util.Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
