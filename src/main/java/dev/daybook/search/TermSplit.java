package dev.daybook.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A frequent text term's postings in a part, written as a head and a tail so that a first query
 * loads only the head ({@link StaticExport}, {@code tail-K.json}): the head holds the documents
 * likely to score best for the term, both fields of each, and bounds on what a document of the
 * tail can score. The browser ranks from the head and loads the tail only when a document of the
 * tail could still enter the results (search.js {@code proven}).
 *
 * <p>Which documents form the head is decided from the part's own documents alone (their
 * lengths, the part's document frequencies), so that a part kept from an earlier build has the
 * bytes a cold build gives it. The bounds hold under any statistics: for each field, the tail's
 * {@linkplain #frontier frontier} of (norm, freq) pairs, from which the browser takes the best
 * BM25 score of the tail with the whole index's statistics.
 */
final class TermSplit {

  /** The head ranks this many documents exactly, by the part's statistics: two pages. */
  static final int DEPTH = 20;

  private TermSplit() {}

  /**
   * The term's postings as the export writes them: the value of the term in its shard ({@code
   * [titleHead, bodyHead, [dfTitle, dfBody], K, titleFrontier, bodyFrontier]}, K the place of
   * its tail in the part's {@code tail-K.json}), the tail ({@code [titleTail, bodyTail]}) and
   * the positions, the head's documents first.
   */
  record Split(List<Object> head, List<Object> tail, List<Object> positions) {}

  /** One field of one document: its place in the field's lists and its norm and freq. */
  private record Entry(int doc, int norm, int freq, int posFrom, int posTo) {}

  /**
   * Splits a term's postings ({@code [title, body]}: docDelta, norm, freq, ...) and positions
   * ({@code [title, body]}), or null when no head short of half the documents ranks the first
   * {@link #DEPTH} ahead of every document left in the tail.
   *
   * @param avgdl the part's average length of title and body
   * @param docs the part's number of documents
   * @param k the place of the tail among the part's tails
   */
  static Split of(List<ExportCodec.Packed> postings, List<ExportCodec.Packed> positions,
      double[] avgdl, int docs, int k) {
    List<List<Entry>> fields = new ArrayList<>();
    int maxDoc = 0;
    for (int f = 0; f < 2; f++) {
      List<Entry> entries = entries(postings.get(f), positions.get(f));
      fields.add(entries);
      if (!entries.isEmpty()) {
        maxDoc = Math.max(maxDoc, entries.get(entries.size() - 1).doc() + 1);
      }
    }
    // Each document's score by the part's statistics, per field and in all.
    double[][] score = new double[2][maxDoc];
    for (int f = 0; f < 2; f++) {
      double weight = (f == 0 ? Ranking.TITLE_BOOST : Ranking.BODY_BOOST)
          * StrictMath.log(1 + (docs - fields.get(f).size() + 0.5) / (fields.get(f).size() + 0.5));
      for (Entry e : fields.get(f)) {
        double tfn = e.freq() / (Ranking.K1 * (1 - Ranking.B
            + Ranking.B * fieldLength(e.norm()) / Math.max(avgdl[f], 1)));
        score[f][e.doc()] = weight * tfn / (1 + tfn);
      }
    }
    boolean[] has = new boolean[maxDoc];
    fields.forEach(list -> list.forEach(e -> has[e.doc()] = true));
    // Best first; equal scores newest (highest id) first, as the browser ranks them. Sorted as
    // longs, the score's float bits (which order as the scores do) above the id, then read
    // backwards.
    long[] keys = new long[maxDoc];
    int n = 0;
    for (int d = 0; d < maxDoc; d++) {
      if (has[d]) {
        keys[n++] = (long) Float.floatToIntBits((float) (score[0][d] + score[1][d])) << 32 | d;
      }
    }
    Arrays.sort(keys, 0, n);
    int[] ranked = new int[n];
    for (int i = 0; i < n; i++) {
      ranked[i] = (int) keys[n - 1 - i];
    }
    if (n <= 2 * DEPTH) {
      return null;
    }
    // The best title and body scores of the documents from place i on.
    double[][] after = new double[2][n + 1];
    for (int i = n - 1; i >= 0; i--) {
      int d = ranked[i];
      for (int f = 0; f < 2; f++) {
        after[f][i] = Math.max(after[f][i + 1], score[f][d]);
      }
    }
    int depthDoc = ranked[DEPTH - 1];
    double needed = score[0][depthDoc] + score[1][depthDoc];
    int head = DEPTH;
    while (head <= n / 2 && after[0][head] + after[1][head] >= needed) {
      head++;
    }
    if (head > n / 2) {
      return null;
    }
    boolean[] inHead = new boolean[maxDoc];
    for (int i = 0; i < head; i++) {
      inHead[ranked[i]] = true;
    }
    List<Object> headLists = new ArrayList<>();
    List<Object> tailLists = new ArrayList<>();
    List<Object> frontiers = new ArrayList<>();
    List<Object> movedPositions = new ArrayList<>();
    int[] df = new int[2];
    for (int f = 0; f < 2; f++) {
      List<Entry> entries = fields.get(f);
      df[f] = entries.size();
      int[] pos = ExportCodec.unpack(positions.get(f));
      ExportCodec.Packer headList = new ExportCodec.Packer();
      ExportCodec.Packer tailList = new ExportCodec.Packer();
      ExportCodec.Packer moved = new ExportCodec.Packer();
      int[] best = new int[256]; // per norm, the tail's highest freq
      for (boolean headPass : new boolean[] {true, false}) {
        ExportCodec.Packer list = headPass ? headList : tailList;
        int last = 0;
        for (Entry e : entries) {
          if (inHead[e.doc()] != headPass) {
            continue;
          }
          list.add(e.doc() - last);
          last = e.doc();
          list.add(e.norm());
          list.add(e.freq());
          for (int p = e.posFrom(); p < e.posTo(); p++) {
            moved.add(pos[p]);
          }
          if (!headPass) {
            best[e.norm()] = Math.max(best[e.norm()], e.freq());
          }
        }
      }
      headLists.add(headList.packed());
      tailLists.add(tailList.packed());
      frontiers.add(frontier(best));
      movedPositions.add(moved.packed());
    }
    List<Object> value = new ArrayList<>(headLists);
    value.add(List.of(df[0], df[1]));
    value.add(k);
    value.addAll(frontiers);
    return new Split(value, tailLists, movedPositions);
  }

  /**
   * The tail's pairs (norm, freq) that no other pair beats, packed: a pair of a shorter field
   * (higher norm is longer) and a higher freq scores at least as well whatever the statistics,
   * so the best of these is the best of the tail. Norms ascending.
   */
  static ExportCodec.Packed frontier(int[] bestFreqByNorm) {
    ExportCodec.Packer out = new ExportCodec.Packer();
    int bestSoFar = 0;
    for (int norm = 0; norm < bestFreqByNorm.length; norm++) {
      if (bestFreqByNorm[norm] > bestSoFar) {
        out.add(norm);
        out.add(bestFreqByNorm[norm]);
        bestSoFar = bestFreqByNorm[norm];
      }
    }
    return out.packed();
  }

  /** A field's list as entries with ids, and where each one's positions are. */
  private static List<Entry> entries(ExportCodec.Packed list, ExportCodec.Packed positions) {
    int[] v = ExportCodec.unpack(list);
    List<Entry> out = new ArrayList<>(v.length / 3);
    int doc = 0;
    int pos = 0;
    for (int i = 0; i + 2 < v.length; i += 3) {
      doc += v[i];
      out.add(new Entry(doc, v[i + 1], v[i + 2], pos, pos + v[i + 2]));
      pos += v[i + 2];
    }
    return out;
  }

  /** Lucene's {@code SmallFloat.byte4ToInt}: the field length a norm byte stands for. */
  static int fieldLength(int norm) {
    return org.apache.lucene.util.SmallFloat.byte4ToInt((byte) norm);
  }

  /** The average field length of the part's documents that have the field, from their norms. */
  static double averageLength(int[] norms) {
    long sum = 0;
    int count = 0;
    for (int norm : norms) {
      if (norm != 0) {
        sum += fieldLength(norm);
        count++;
      }
    }
    return count == 0 ? 1 : (double) sum / count;
  }
}
