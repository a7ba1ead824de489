package dev.daybook.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * How results are scored, in one place so the browser can score the same way: Lucene's BM25 with
 * its usual constants written out, and a title match weighing twice a body match.
 *
 * <p>score(doc) = Σ over the query's terms and phrases, over the fields title (×{@value
 * #TITLE_BOOST}) and body (×{@value #BODY_BOOST}): boost · idf · (1 - 1 / (1 + freq / (k1 · (1 - b
 * + b · dl / avgdl)))), with idf = ln(1 + (N - n + 0.5) / (n + 0.5)), as in Lucene's {@code
 * BM25Similarity}; dl is the field's length in words, each CJK character one and each word one
 * whatever its parts (HiCache takes two positions but is one word: a text full of file names
 * does not read as longer than it is), stored by Lucene as a one-byte norm ({@code
 * computeNorm} below); avgdl is Lucene's, the field's term count over its document count. A phrase
 * scores as one term whose idf is the sum of its terms' idfs and whose freq is the number of
 * times the phrase occurs. A query word also scores constants for its commit's author, type,
 * severity and SHA ({@link QueryBuilder}). Filters do not score. Equal scores: newest commit
 * first.
 */
public final class Ranking {

  /** Term-frequency saturation. */
  public static final float K1 = 1.2f;
  /** Length normalization. */
  public static final float B = 0.75f;
  public static final float TITLE_BOOST = 2f;
  public static final float BODY_BOOST = 1f;
  /**
   * What a commit scores for a query word that is its author's name or a word of it: a constant,
   * below what a word in a title scores unless the word is in a large share of the titles.
   */
  public static final float NAME_SCORE = 0.5f;
  /** What a commit scores for a query word that names its type or severity ({@link ArchiveWords}). */
  public static final float LABEL_SCORE = 0.5f;
  /**
   * What a commit scores for a query word of 7 to 40 hex digits that its SHA starts with: more
   * than the text of any query scores, so it comes first.
   */
  public static final float SHA_SCORE = 1000f;

  private Ranking() {}

  static BM25Similarity similarity() {
    return new BM25Similarity(K1, B, true) {
      @Override
      public long computeNorm(FieldInvertState state) {
        DaybookAnalyzer.WordCount words = state.getAttributeSource()
            .hasAttribute(DaybookAnalyzer.WordCount.class)
            ? state.getAttributeSource().getAttribute(DaybookAnalyzer.WordCount.class) : null;
        return words == null ? super.computeNorm(state) : SmallFloat.intToByte4(words.words());
      }
    };
  }
}
