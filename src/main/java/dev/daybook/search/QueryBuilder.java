package dev.daybook.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link SearchQuery} into a Lucene query, by these rules (the browser applies the same):
 *
 * <ul>
 *   <li>Words and phrases are analyzed in query mode ({@link TextAnalysis}). One term searches the
 *       title and the body ({@link Ranking}); several terms, whether quoted or not (
 *       {@code torch.compile}, {@code 缓存淘汰}), are a phrase at their analyzed positions. Words
 *       with no terms (stop words, punctuation) are dropped. When a word of the text splits into
 *       parts ({@code apply_rope}, {@code KVManager}), the text is also read with the parts in its
 *       place ({@link #partsReading}); it is searched so instead when a term of the text is not in the
 *       index ({@link #reading}): {@code apply_rope} is the phrase apply rope, found inside
 *       {@code apply_rope_with_cos_sin_cache_inplace}, while {@code HiCache} stays one word.
 *   <li>A word or phrase also finds, each with a constant score ({@link #extras}): the commits of
 *       the author whose name, or a word of it, it is ({@code author:} of it, {@link
 *       Ranking#NAME_SCORE}); those of each type and severity it names in the archive's words
 *       ({@link ArchiveWords}, {@link Ranking#LABEL_SCORE}); and, when it is a word of 7 to 40
 *       hex digits, the commits whose SHA starts with it ({@link Ranking#SHA_SCORE}, first).
 *   <li>In a list of items all must match: text items score (MUST), filters do not (FILTER),
 *       {@code -x} excludes (MUST_NOT). A list with nothing that must match matches every commit.
 *   <li>{@code OR}: at least one alternative must match; scores add up. A filter or an exclusion
 *       used as an alternative matches with score 0.
 *   <li>Filters are exact keyword terms ({@link SearchIndex}); {@code date:} is an inclusive range
 *       of YYYY-MM-DD terms, {@code sha:} a prefix.
 * </ul>
 */
public final class QueryBuilder extends QueryTranslation<Query> {

  /** A Lucene query and the terms to highlight. */
  record Built(Query query, Set<String> highlightTerms) {}

  private final Predicate<String> known;

  private QueryBuilder(Predicate<String> known) {
    this.known = known;
  }

  /** A query built as if every term were in the index (no text is read by its parts). */
  static Built build(SearchQuery query) throws QuerySyntaxException {
    return build(query, term -> true);
  }

  /**
   * @param known whether a text term is in the title or body vocabulary of the index: a text
   *     with a term that is not is read by its parts ({@link #reading})
   */
  static Built build(SearchQuery query, Predicate<String> known) throws QuerySyntaxException {
    QueryBuilder b = new QueryBuilder(known);
    Query lucene = b.translate(query);
    return new Built(lucene, b.highlighted());
  }

  /**
   * The error for a query all of whose words have no terms.
   *
   * @param dropped those words, each in quotes
   */
  public static QuerySyntaxException nothingToSearch(List<String> dropped) {
    return new QuerySyntaxException(dropped.size() == 1 ? QueryMessage.NOTHING_ONE
        : QueryMessage.NOTHING_MANY, 0, List.copyOf(dropped));
  }

  @Override
  protected List<Query> text(String text, boolean word, List<TextAnalysis.Token> tokens,
      boolean positive) {
    List<TextAnalysis.Token> reading = reading(text, word, tokens, known);
    if (positive) {
      reading.forEach(t -> highlight(t.term()));
    }
    return List.of(
        new BoostQuery(fieldQuery(SearchIndex.TITLE, reading), Ranking.TITLE_BOOST),
        new BoostQuery(fieldQuery(SearchIndex.BODY, reading), Ranking.BODY_BOOST));
  }

  @Override
  protected Query bool(List<Query> must, List<Query> filter, List<Query> mustNot) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    must.forEach(q -> b.add(q, Occur.MUST));
    filter.forEach(q -> b.add(q, Occur.FILTER));
    mustNot.forEach(q -> b.add(q, Occur.MUST_NOT));
    return b.build();
  }

  @Override
  protected Query any(List<Query> clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    clauses.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  @Override
  protected Query matchAll() {
    return new MatchAllDocsQuery();
  }

  @Override
  protected Query constantScore(Query query, float score) {
    return new BoostQuery(new ConstantScoreQuery(query), score);
  }

  /**
   * The second reading of a text whose words split ({@link TextAnalysis.Mode#QUERY_PARTS}): its
   * terms, or none when no word splits, when the parts leave fewer than two terms (a lone part,
   * as ready of {@code IsReady}, would find far more than the word) or when the text is a word
   * that may be a SHA prefix (its runs of digits and letters are no parts of a name).
   *
   * @param word whether the text is a word as typed, not a phrase in quotes
   */
  public static List<TextAnalysis.Token> partsReading(String text, boolean word,
      List<TextAnalysis.Token> tokens) {
    if (word && BARE_SHA.matcher(text).matches()) {
      return List.of();
    }
    List<TextAnalysis.Token> parts = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY_PARTS);
    return parts.size() < 2 || parts.equals(tokens) ? List.of() : parts;
  }

  /** A filter that a word or phrase also matches, and the score a match adds. */
  public record Extra(SearchQuery.Filter filter, float score) {}

  /** What may be a SHA prefix written without {@code sha:}. */
  static final Pattern BARE_SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

  /**
   * The filters a word or phrase (with terms) also matches: its author's name, the types and
   * severities it names, a SHA prefix (see the class comment), in this order.
   *
   * @param word whether the text is a word as typed, not a phrase in quotes
   */
  public static List<Extra> extras(String text, boolean word) {
    List<Extra> out = new ArrayList<>();
    out.add(new Extra(new SearchQuery.Filter(SearchIndex.AUTHOR, SearchIndex.keyword(text), null,
        0), Ranking.NAME_SCORE));
    for (String type : ArchiveWords.named(ArchiveWords.TYPES, text)) {
      out.add(new Extra(new SearchQuery.Filter(SearchIndex.TYPE, type, null, 0),
          Ranking.LABEL_SCORE));
    }
    for (String severity : ArchiveWords.named(ArchiveWords.SEVERITIES, text)) {
      out.add(new Extra(new SearchQuery.Filter(SearchIndex.SEVERITY, severity, null, 0),
          Ranking.LABEL_SCORE));
    }
    if (word && BARE_SHA.matcher(text).matches()) {
      out.add(new Extra(new SearchQuery.Filter(SearchIndex.SHA, text.toLowerCase(Locale.ROOT),
          null, 0), Ranking.SHA_SCORE));
    }
    return out;
  }

  /**
   * The terms a text is searched by: its tokens, or, when one of their terms is not in the index
   * and the text has a parts reading, the parts. A name that is a word of the archive is found
   * as itself; one that is only part of longer names ({@code apply_rope}) by its parts.
   */
  static List<TextAnalysis.Token> reading(String text, boolean word,
      List<TextAnalysis.Token> tokens, Predicate<String> known) {
    if (tokens.stream().allMatch(t -> known.test(t.term()))) {
      return tokens;
    }
    List<TextAnalysis.Token> parts = partsReading(text, word, tokens);
    return parts.isEmpty() ? tokens : parts;
  }

  private static Query fieldQuery(String field, List<TextAnalysis.Token> tokens) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).term()));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    int first = tokens.get(0).position();
    for (TextAnalysis.Token t : tokens) {
      phrase.add(new Term(field, t.term()), t.position() - first);
    }
    return phrase.build();
  }

  @Override
  protected Query filter(SearchQuery.Filter f) {
    return switch (f.field()) {
      case "date" -> f.value().equals(f.to())
          ? new TermQuery(new Term(SearchIndex.DATE, f.value()))
          : new TermRangeQuery(SearchIndex.DATE, new BytesRef(f.value()), new BytesRef(f.to()),
              true, true);
      case "sha" -> new PrefixQuery(new Term(SearchIndex.SHA, f.value()));
      default -> new TermQuery(new Term(f.field(), f.value()));
    };
  }
}
