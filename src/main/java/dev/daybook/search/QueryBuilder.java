package dev.daybook.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
public final class QueryBuilder {

  /** A Lucene query and the terms to highlight. */
  record Built(Query query, Set<String> highlightTerms) {}

  private final Set<String> highlight = new LinkedHashSet<>();
  private final List<String> dropped = new ArrayList<>();
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
    Part root = b.part(query, true);
    if (root == null) {
      throw nothingToSearch(b.dropped);
    }
    Query lucene = switch (root.kind) {
      case SCORING -> root.query;
      // Filters alone do not score: every match scores 0, so the newest come first.
      case FILTER -> new BooleanQuery.Builder().add(root.query, Occur.FILTER).build();
      case EXCLUDE -> matchAllBut(root.query);
    };
    return new Built(lucene, Set.copyOf(b.highlight));
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

  private enum Kind { SCORING, FILTER, EXCLUDE }

  private record Part(Query query, Kind kind) {}

  private Part part(SearchQuery q, boolean positive) {
    if (q instanceof SearchQuery.Words w) {
      return text(w.text(), true, positive);
    }
    if (q instanceof SearchQuery.Phrase p) {
      return text(p.text(), false, positive);
    }
    if (q instanceof SearchQuery.Filter f) {
      return new Part(filter(f), Kind.FILTER);
    }
    if (q instanceof SearchQuery.Not n) {
      Part inner = part(n.query(), !positive);
      return inner == null ? null : new Part(asScoring(inner), Kind.EXCLUDE);
    }
    if (q instanceof SearchQuery.And a) {
      return and(a.queries(), positive);
    }
    SearchQuery.Or o = (SearchQuery.Or) q;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    for (SearchQuery alternative : o.queries()) {
      Part p = part(alternative, positive);
      if (p != null) {
        b.add(p.kind == Kind.SCORING ? p.query : zeroScore(p), Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : new Part(b.build(), Kind.SCORING);
  }

  private Part and(List<SearchQuery> items, boolean positive) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean scoring = false;
    boolean filtering = false;
    int n = 0;
    Part single = null;
    for (SearchQuery item : items) {
      Part p = part(item, positive);
      if (p == null) {
        continue;
      }
      n++;
      single = p;
      switch (p.kind) {
        case SCORING -> {
          b.add(p.query, Occur.MUST);
          scoring = true;
        }
        case FILTER -> {
          b.add(p.query, Occur.FILTER);
          filtering = true;
        }
        case EXCLUDE -> b.add(p.query, Occur.MUST_NOT);
      }
    }
    if (n == 0) {
      return null;
    }
    if (n == 1) {
      return single;
    }
    if (!scoring && !filtering) {
      b.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return new Part(b.build(), scoring ? Kind.SCORING : Kind.FILTER);
  }

  /** An excluded part as a query that matches what it excludes. */
  private static Query asScoring(Part p) {
    return p.kind == Kind.EXCLUDE ? matchAllBut(p.query) : p.query;
  }

  private static Query zeroScore(Part p) {
    Query q = p.kind == Kind.EXCLUDE ? matchAllBut(p.query) : p.query;
    return new BoostQuery(new ConstantScoreQuery(q), 0f);
  }

  private static Query matchAllBut(Query excluded) {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(excluded, Occur.MUST_NOT).build();
  }

  /** @param word whether the text is a word as typed, not a phrase in quotes */
  private Part text(String text, boolean word, boolean positive) {
    List<TextAnalysis.Token> tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
    if (tokens.isEmpty()) {
      dropped.add("\"" + text + "\"");
      return null;
    }
    List<TextAnalysis.Token> reading = reading(text, word, tokens, known);
    if (positive) {
      reading.forEach(t -> highlight.add(t.term()));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new BoostQuery(fieldQuery(SearchIndex.TITLE, reading), Ranking.TITLE_BOOST),
        Occur.SHOULD);
    b.add(new BoostQuery(fieldQuery(SearchIndex.BODY, reading), Ranking.BODY_BOOST),
        Occur.SHOULD);
    for (Extra e : extras(text, word)) {
      b.add(new BoostQuery(new ConstantScoreQuery(filter(e.filter())), e.score()),
          Occur.SHOULD);
    }
    return new Part(b.build(), Kind.SCORING);
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

  private static Query filter(SearchQuery.Filter f) {
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
