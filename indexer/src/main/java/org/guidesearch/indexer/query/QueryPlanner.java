package org.guidesearch.indexer.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.guidesearch.indexer.index.SectionAnalyzer;
import org.guidesearch.indexer.index.SectionSchema;
import org.guidesearch.indexer.index.SymbolAnalyzer;

/**
 * Turns typed text into a ranking query. The text is never parsed as query syntax, so quotes, brackets and
 * operators are just characters: no input can make it fail.
 *
 * <p>Ranking: every field is searched (title weighs most, code least), phrases in the title and prose add to the
 * score, a query equal to a section's title adds most, and the last word also matches as a prefix so results appear
 * while typing. Unknown words are corrected from the guide's own vocabulary. Thread-safe.
 */
public final class QueryPlanner {
    /**
     * 3.0 until the blended fusion and the stronger prose phrase: then 2.0 lifted questions without curation by 0.016
     * (the curated guide's two sets with the curation off) and held the uncurated guide's set within 0.002.
     */
    private static final float TITLE_BOOST = 2.0f;

    private static final float BREADCRUMB_BOOST = 0.6f;
    private static final float PROSE_BOOST = 1.0f;
    private static final float CODE_BOOST = 0.4f;
    private static final float SYNOPSIS_BOOST = 0.8f;
    private static final float ASKED_BOOST = 0.6f;
    /** The fields searched for any of the words, each weighted, in the order the plan's copies had them. */
    private static final WeightedFields ANY_WORD_FIELDS = new WeightedFields(List.of(
            new WeightedFields.Field(SectionSchema.TITLE, TITLE_BOOST),
            new WeightedFields.Field(SectionSchema.BREADCRUMB, BREADCRUMB_BOOST),
            new WeightedFields.Field(SectionSchema.PROSE, PROSE_BOOST),
            new WeightedFields.Field(SectionSchema.CODE, CODE_BOOST),
            new WeightedFields.Field(SectionSchema.SYNOPSIS, SYNOPSIS_BOOST),
            new WeightedFields.Field(SectionSchema.ASKED, ASKED_BOOST)));

    /**
     * A question's words weigh less in headings than a name's: a heading is a few words, so the everyday words a
     * reader asks with score highest in every heading that holds one of them, and outranked the section whose prose
     * answers. Hybrid nDCG@10 on the question halves, title weight 2 → 0.5 (the other fields as
     * for names): the uncurated guide 0.647 → 0.661, the curated guide without its curation 0.726 → 0.765 and its
     * held-out set 0.730 → 0.732, with curation 0.878 → 0.877 and 0.819 → 0.825; 0 gave the uncurated guide 0.675
     * but cost the held-out sets' first places (README, "Search quality"). Then code 0.4 → 0.6 (a reader's question
     * names what the examples show more often than the prose does): the uncurated guide 0.680 → 0.692, the other
     * guide without curation 0.765 → 0.775 and 0.743 → 0.753, with curation 0.876 → 0.871 and 0.818 → 0.819.
     *
     * <p>Then a question's single words are scored across the fields as one field (BM25F, {@link
     * WeightedFields#combinedQuery}): added up, a word a section repeats in its heading,
     * breadcrumb and description counted three times over, saturating in each, and the everyday words of a question
     * sit in many headings. Keyword mode alone on the uncurated guide's questions 0.587 → 0.637 (nDCG@10); with the
     * fusion weights it called for ({@link FusionWeights}), hybrid questions on every judged set gained (README,
     * "Search quality"). Keyword-style queries keep the sum: scored as one field, a name lost the weight of its own
     * heading (the keyword halves of the uncurated guide and of the curated one fell 0.009 and 0.012). Scored as one,
     * a question's code counts 1.0 instead of 0.6: the uncurated guide 0.741 → 0.751, the other guide without curation
     * 0.842 → 0.846 and 0.787 → 0.790, with curation unchanged (1.3 and 1.6 within 0.002 of 1.0).
     */
    private static final WeightedFields QUESTION_FIELDS = ANY_WORD_FIELDS
            .with(SectionSchema.TITLE, 0.5f)
            .with(SectionSchema.CODE, 1.0f)
            .combinedFields();

    private static final float TITLE_PHRASE_BOOST = 2.0f;
    /**
     * The query's words together in the prose (within three positions) say more than any one of them in a title: a
     * book's name in a table of resources was outranked by every heading holding its commonest word. At 1.0 the
     * uncurated guide's keyword-style set ranked 0.864, at 2.0 0.878; the curated guide's sets held or gained 0.001.
     */
    private static final float PROSE_PHRASE_BOOST = 2.0f;

    private static final float EXACT_TITLE_BOOST = 8.0f;
    /**
     * A flag, operator or identifier of the query found whole as the text writes it ({@code -o2}, {@code a[]}), and
     * the query's tokens in a row there when it has such a token. The section analyzer splits these into common
     * words, which match everywhere. As strong as an exact title, since a token written whole is as specific: on the
     * uncurated guide's keyword-style set ×2 ranked 0.896, ×4 0.900, ×8 0.912; the curated guide's sets held.
     */
    private static final float SYMBOL_BOOST = 8.0f;
    /** Symbolic tokens of one query looked up whole, at most; and the longest query whose tokens are tried in a row. */
    private static final int MAX_SYMBOLS = 4;

    private static final int MAX_SYMBOL_PHRASE = 8;
    private static final float PREFIX_BOOST = 0.8f;
    private static final int MIN_CORRECTABLE_LENGTH = 4;
    private static final int MAX_HIGHLIGHT_COMPLETIONS = 16;
    private static final int MAX_PREFIX_WORDS = 64;
    /**
     * Unknown words looked up for a correction, at most, per query. A reader's typos sit in a few words; without a
     * bound, 500 characters of random letters cost ~45 ms of CPU, a cheap way to load the service.
     */
    private static final int MAX_CORRECTIONS = 4;

    /** The fields searched for the words as a phrase by {@link #plan}. */
    private static final int PHRASE_QUERIES = 2;
    /**
     * Clauses of the plan besides words and phrases: the exact title, the two prefix queries, which Lucene rewrites
     * into a boolean query of their terms when they match at most 16 (more match as one clause), and the symbols.
     */
    private static final int OTHER_CLAUSES = 1 + 2 * 16 + MAX_SYMBOLS + 1;

    // The patterns a plan splits and trims its text with, compiled once: String.split and replaceAll compile theirs
    // on every call, and a plan compiled five of them (JFR: a few percent of a new keyword search's CPU).
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern IDENTIFIER_SEPARATORS = Pattern.compile("[._]+");
    private static final Pattern NOT_WORD_OR_IDENTIFIER = Pattern.compile("[^\\p{L}\\p{N}_.]+");
    private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[._]+|[._]+$");

    private final Analyzer queryAnalyzer;

    /** @param synonyms query-time synonyms (a concept's aliases), or null for none */
    public QueryPlanner(SynonymMap synonyms) {
        this.queryAnalyzer = new SectionAnalyzer(synonyms);
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** Returns null for blank text; the plan's query is null when no word is searchable (only stop words). */
    QueryPlan plan(SearchRequest request, Lexicon lexicon) {
        String raw = request.query().strip();
        if (raw.isEmpty()) {
            return null;
        }
        boolean typingLastWord =
                !Character.isWhitespace(request.query().charAt(request.query().length() - 1));
        String[] words = WHITESPACE.split(raw);
        String corrected = correct(words, typingLastWord, lexicon);
        String text = corrected == null ? raw : corrected;

        // The shape is read once per plan: ranking and grouping both ask it.
        boolean question = QueryShape.isQuestion(text);
        String searched = question ? QueryShape.keywordsOf(text) : text;
        AnalysedQuery analysed =
                AnalysedQuery.within(queryAnalyzer, searched, budget(), words.length > 1, lexicon::term);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> highlight = new HashSet<>();
        boolean any = false;
        Query anyWord = analysed.anyWordIn(question ? QUESTION_FIELDS : ANY_WORD_FIELDS);
        if (anyWord != null) {
            any = true;
            query.add(anyWord, Occur.SHOULD);
            // Every field's copy holds the same words: the model's are the prose's, which snippets mark.
            Set<Term> terms = new HashSet<>();
            (anyWord instanceof WordsInFields w ? w.model() : anyWord).visit(QueryVisitor.termCollector(terms));
            terms.forEach(t -> highlight.add(t.text()));
        }
        // Null when there is a single word, or no room for phrases beside the words.
        add(query, analysed.phrase(SectionSchema.TITLE, 1), TITLE_PHRASE_BOOST);
        add(query, analysed.phrase(SectionSchema.PROSE, 3), PROSE_PHRASE_BOOST);
        addSymbols(query, text);
        String exactTitle = SectionSchema.normalizeTitle(text);
        if (!exactTitle.isEmpty()) {
            add(query, new TermQuery(new Term(SectionSchema.TITLE_EXACT, exactTitle)), EXACT_TITLE_BOOST);
        }
        String last = lastWord(text);
        if (typingLastWord && last.length() >= 2) {
            any |= add(query, prefix(lexicon, SectionSchema.SPELL, last), PREFIX_BOOST);
            add(query, prefix(lexicon, SectionSchema.TITLE, last), PREFIX_BOOST);
            // Snippets mark the words the prefix stands for.
            for (String completion : lexicon.completions(SectionSchema.PROSE, last, MAX_HIGHLIGHT_COMPLETIONS)) {
                highlight.add(completion);
            }
        }
        return new QueryPlan(text, question, any ? query.build() : null, Set.copyOf(highlight), corrected);
    }

    /** The query's symbolic tokens whole, and all its tokens in a row, in {@link SectionSchema#SYMBOLS}. */
    private static void addSymbols(BooleanQuery.Builder query, String text) {
        List<String> tokens = new ArrayList<>();
        for (String w : WHITESPACE.split(text)) {
            String t = SymbolAnalyzer.trim(w);
            if (!t.isEmpty()) tokens.add(t);
        }
        List<String> symbolic = tokens.stream()
                .filter(SymbolAnalyzer::isSymbolic)
                .distinct()
                .limit(MAX_SYMBOLS)
                .toList();
        if (symbolic.isEmpty()) return;
        for (String t : symbolic) {
            // A lone operator ("=") is in most code: it counts only within the phrase.
            if (t.chars().anyMatch(Character::isLetterOrDigit)) {
                add(query, new TermQuery(new Term(SectionSchema.SYMBOLS, t)), SYMBOL_BOOST);
            }
        }
        if (tokens.size() > 1 && tokens.size() <= MAX_SYMBOL_PHRASE) {
            add(query, new PhraseQuery(SectionSchema.SYMBOLS, tokens.toArray(String[]::new)), SYMBOL_BOOST);
        }
    }

    /**
     * What the words and phrases may hold so that the whole plan stays within Lucene's clause limit, read on each plan
     * as it is a global setting: then neither the evaluator nor Lucene's own searcher can fail on the plan.
     */
    private static ClauseBudget budget() {
        return new ClauseBudget(
                IndexSearcher.getMaxClauseCount() - OTHER_CLAUSES,
                ANY_WORD_FIELDS.fields().size(),
                PHRASE_QUERIES);
    }

    /**
     * Sections with a word of {@code field} that starts with {@code prefix}, all scored alike. The few words a prefix
     * usually stands for are looked up directly; a {@link PrefixQuery} would compile an automaton on every keystroke.
     */
    private static Query prefix(Lexicon lexicon, String field, String prefix) {
        List<String> words = lexicon.completions(field, prefix, MAX_PREFIX_WORDS + 1);
        if (words.size() > MAX_PREFIX_WORDS) return new PrefixQuery(new Term(field, prefix));
        if (words.isEmpty()) return null;
        return new TermInSetQuery(field, words.stream().map(BytesRef::new).toList());
    }

    private static boolean add(BooleanQuery.Builder into, Query q, float boost) {
        if (q == null) {
            return false;
        }
        into.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        return true;
    }

    /** The query with unknown words replaced by the closest known ones, or null when every word is known. */
    private static String correct(String[] words, boolean typingLastWord, Lexicon lexicon) {
        List<String> out = new ArrayList<>(words.length);
        boolean changed = false;
        int lookups = 0;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String lower = word.toLowerCase(Locale.ROOT);
            boolean isLast = i == words.length - 1;
            if (lower.length() < MIN_CORRECTABLE_LENGTH
                    || !isWordOrIdentifier(lower)
                    || lexicon.knows(SectionSchema.SPELL, lower)
                    || everyPartIsKnown(lexicon, lower)
                    || (isLast
                            && typingLastWord
                            && !lexicon.completions(SectionSchema.SPELL, lower, 1)
                                    .isEmpty())
                    || lookups++ >= MAX_CORRECTIONS) {
                out.add(word);
                continue;
            }
            Optional<String> closest = lexicon.closest(SectionSchema.SPELL, lower);
            out.add(closest.orElse(word));
            changed |= closest.isPresent();
        }
        return changed ? String.join(" ", out) : null;
    }

    /**
     * An identifier the guide never writes whole may still be made of words it knows ({@code CACHE_MODE} is only
     * ever written {@code app.CACHE_MODE}): then it is no typo, and correcting it would waste milliseconds.
     */
    private static boolean everyPartIsKnown(Lexicon lexicon, String identifier) {
        String[] parts = IDENTIFIER_SEPARATORS.split(identifier);
        if (parts.length < 2) return false;
        for (String part : parts) {
            if (!part.isEmpty() && !lexicon.knows(SectionSchema.SPELL, part)) return false;
        }
        return true;
    }

    /** Letters, or an identifier made of letters, underscores and dots ({@code max_depth}, {@code app.config}). */
    private static boolean isWordOrIdentifier(String word) {
        return word.chars().allMatch(c -> Character.isLetter(c) || c == '_' || c == '.')
                && Character.isLetter(word.charAt(0))
                && Character.isLetter(word.charAt(word.length() - 1));
    }

    private static String lastWord(String text) {
        String[] parts = NOT_WORD_OR_IDENTIFIER.split(text.toLowerCase(Locale.ROOT));
        return parts.length == 0
                ? ""
                : EDGE_SEPARATORS.matcher(parts[parts.length - 1]).replaceAll("");
    }
}
