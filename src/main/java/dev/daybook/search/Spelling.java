package dev.daybook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Typo tolerance: a query word that matches nothing is read as the closest word of the archive.
 * The browser repeats these rules over the vocabulary {@link StaticExport} writes ({@code
 * words-Ln.json}); {@code SearchAgreementTest} checks that both read the same words the same way.
 *
 * <ol>
 *   <li><b>Which words.</b> A word typed outside quotes and not excluded ({@code -x}), that is not
 *       a SHA prefix (7 to 40 hex digits), whose whole text is no author's name or word of it
 *       and names no type or severity ({@link QueryBuilder#extras}). Each of its tokens ({@link
 *       TextAnalysis.Mode#QUERY}) of {@value #MIN_LENGTH} to {@value TextAnalysis#MAX_SPELLED}
 *       ASCII letters (any case) is checked on its own.
 *   <li><b>No exact match.</b> The token's term is in neither the title nor the body vocabulary,
 *       nor, for a word that splits ({@code KVManager}), is each of its parts' terms. A word
 *       that matches is never replaced.
 *   <li><b>Candidates</b> are the words of {@link SearchIndex#SPELL} (the unstemmed words of
 *       titles and bodies, {@link TextAnalysis.Mode#WORDS}) within one edit of the token lower-cased,
 *       two when it has {@value #LONG_WORD} letters or more, that begin with the same letter: an
 *       edit inserts, deletes or changes a letter or swaps two neighbours (Lucene's {@link
 *       FuzzyTermsEnum} with transpositions, prefix 1 as Lucene's spell checker has by default; a
 *       first letter is rarely the one mistyped, and the browser then loads only the words of one
 *       letter).
 *   <li><b>The best</b> has the highest similarity, {@code 1 - edits / min(its length, the
 *       token's)} in single precision ({@link FuzzyTermsEnum#getBoost}), then the most commits
 *       holding it, then comes first in alphabetical order. The token's text in the query is
 *       replaced by it, and the query so corrected is run and shown ("Showing results for ...").
 * </ol>
 */
final class Spelling {

  /** Shorter words are not corrected: one edit away from a word of two, almost anything is. */
  static final int MIN_LENGTH = 3;
  /** Words this long or longer are corrected within two edits. */
  static final int LONG_WORD = 8;

  private static final Pattern LETTERS = Pattern.compile("[a-zA-Z]+");

  /**
   * A query as it is run.
   *
   * @param corrected the query's text with its corrections, or null when nothing was corrected
   * @param lookedUp the words, lower-cased, whose candidates were looked for in the vocabulary
   */
  record Result(SearchQuery query, String corrected, List<String> lookedUp) {}

  private final IndexReader reader;
  private final Terms words;

  Spelling(IndexReader reader) throws IOException {
    this.reader = reader;
    this.words = MultiTerms.getTerms(reader, SearchIndex.SPELL);
  }

  /** The query with its misspelt words read as the closest words of the archive. */
  Result correct(String text, SearchQuery query) throws IOException {
    List<Fix> fixes = new ArrayList<>();
    List<String> lookedUp = new ArrayList<>();
    SearchQuery corrected = rewrite(query, true, fixes, lookedUp);
    if (fixes.isEmpty()) {
      return new Result(query, null, lookedUp);
    }
    fixes.sort(Comparator.comparingInt(Fix::start));
    StringBuilder out = new StringBuilder(text);
    for (int i = fixes.size() - 1; i >= 0; i--) { // from the end: earlier offsets stay valid
      Fix f = fixes.get(i);
      out.replace(f.start(), f.end(), f.word());
    }
    return new Result(corrected, out.toString(), lookedUp);
  }

  /** A word read as another: {@code [start, end)} of the query's text. */
  private record Fix(int start, int end, String word) {}

  private SearchQuery rewrite(SearchQuery q, boolean positive, List<Fix> fixes, List<String> lookedUp) throws IOException {
    if (q instanceof SearchQuery.Words w && positive) {
      return word(w, fixes, lookedUp);
    }
    if (q instanceof SearchQuery.And a) {
      List<SearchQuery> items = new ArrayList<>();
      for (SearchQuery item : a.queries()) {
        items.add(rewrite(item, positive, fixes, lookedUp));
      }
      return new SearchQuery.And(items, a.column());
    }
    if (q instanceof SearchQuery.Or o) {
      List<SearchQuery> items = new ArrayList<>();
      for (SearchQuery item : o.queries()) {
        items.add(rewrite(item, positive, fixes, lookedUp));
      }
      return new SearchQuery.Or(items, o.column());
    }
    return q; // phrases, filters and exclusions as written
  }

  private SearchQuery word(SearchQuery.Words w, List<Fix> fixes, List<String> lookedUp)
      throws IOException {
    if (!checked(w.text())) {
      return w;
    }
    StringBuilder text = new StringBuilder(w.text());
    List<TextAnalysis.Token> tokens = TextAnalysis.analyze(w.text(), TextAnalysis.Mode.QUERY);
    boolean changed = false;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      TextAnalysis.Token t = tokens.get(i);
      String typed = w.text().substring(t.start(), t.end());
      if (typed.length() < MIN_LENGTH || typed.length() > TextAnalysis.MAX_SPELLED
          || !LETTERS.matcher(typed).matches() || matches(t.term(), typed)) {
        continue;
      }
      lookedUp.add(typed.toLowerCase(Locale.ROOT));
      String best = closest(typed.toLowerCase(Locale.ROOT));
      if (best != null) {
        text.replace(t.start(), t.end(), best);
        int at = w.column() - 1 + t.start();
        fixes.add(new Fix(at, at + typed.length(), best));
        changed = true;
      }
    }
    return changed ? new SearchQuery.Words(text.toString(), w.column()) : w;
  }

  /** Whether a word's tokens are checked at all (see the class comment). */
  private boolean checked(String text) throws IOException {
    if (QueryBuilder.BARE_SHA.matcher(text).matches()) {
      return false;
    }
    for (QueryBuilder.Extra e : QueryBuilder.extras(text, true)) {
      if (!e.filter().field().equals(SearchIndex.AUTHOR)
          || reader.docFreq(new Term(SearchIndex.AUTHOR, e.filter().value())) > 0) {
        return false; // it names a type or severity, or an author of the archive
      }
    }
    return true;
  }

  /** Whether a token's term, or each term of its parts, is in the title or body vocabulary. */
  private boolean matches(String term, String typed) throws IOException {
    if (known(term)) {
      return true;
    }
    List<TextAnalysis.Token> parts = TextAnalysis.analyze(typed, TextAnalysis.Mode.QUERY_PARTS);
    if (parts.size() < 2) {
      return false;
    }
    for (TextAnalysis.Token p : parts) {
      if (!known(p.term())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a text term is in the title or body vocabulary. */
  boolean known(String term) {
    try {
      return reader.docFreq(new Term(SearchIndex.TITLE, term)) > 0
          || reader.docFreq(new Term(SearchIndex.BODY, term)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The closest word of the vocabulary (see the class comment), or null when none is close. */
  String closest(String word) throws IOException {
    if (words == null) {
      return null;
    }
    int maxEdits = word.length() >= LONG_WORD ? 2 : 1;
    FuzzyTermsEnum candidates = new FuzzyTermsEnum(words, new Term(SearchIndex.SPELL, word),
        maxEdits, 1, true);
    String best = null;
    float bestSimilarity = 0;
    int bestCount = 0;
    for (BytesRef t = candidates.next(); t != null; t = candidates.next()) {
      String candidate = t.utf8ToString();
      float similarity = candidates.getBoost();
      int count = candidates.docFreq();
      if (candidate.equals(word)) {
        continue;
      }
      // Terms come in alphabetical order, so a tie keeps the one found first.
      if (best == null || similarity > bestSimilarity
          || similarity == bestSimilarity && count > bestCount) {
        best = candidate;
        bestSimilarity = similarity;
        bestCount = count;
      }
    }
    return best;
  }
}
