package dev.daybook.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The documents of one {@linkplain StaticExport.Part part} of the export, as the index numbers
 * them, and where they lie: in each segment, the span from the part's first document to its
 * last. Documents are added to the index day by day, so the newest part is the tail of every
 * segment: its postings {@linkplain #next skip} to that tail rather than being read whole.
 */
final class PartDocs {
  private static final int NONE = DocIdSetIterator.NO_MORE_DOCS;

  private final int[] local;
  /** Per segment with documents of the part, in order: its first and last such document. */
  private final int[] first;
  private final int[] last;

  /** @param local the id in the part of each document of the index, or -1 when not in it */
  PartDocs(IndexReader reader, int[] local) {
    this.local = local;
    List<LeafReaderContext> leaves = reader.leaves();
    int[] f = new int[leaves.size()];
    int[] l = new int[leaves.size()];
    int spans = 0;
    for (LeafReaderContext leaf : leaves) {
      int lo = -1;
      int hi = -1;
      for (int doc = leaf.docBase; doc < leaf.docBase + leaf.reader().maxDoc(); doc++) {
        if (local[doc] >= 0) {
          lo = lo < 0 ? doc : lo;
          hi = doc;
        }
      }
      if (lo >= 0) {
        f[spans] = lo;
        l[spans++] = hi;
      }
    }
    this.first = Arrays.copyOf(f, spans);
    this.last = Arrays.copyOf(l, spans);
  }

  /** The id in the part of an index document, or -1. */
  int id(int doc) {
    return local[doc];
  }

  /** The next document of {@code postings} that is in the part, or {@code NO_MORE_DOCS}. */
  int next(PostingsEnum postings) throws IOException {
    int doc = postings.nextDoc();
    while (doc != NONE) {
      int target = from(doc);
      if (target == NONE) {
        return NONE;
      }
      if (target > doc) {
        doc = postings.advance(target);
      } else if (local[doc] >= 0) {
        return doc;
      } else {
        doc = postings.nextDoc();
      }
    }
    return NONE;
  }

  /** {@code doc} when it is within a span, else the start of the next span, or NO_MORE_DOCS. */
  private int from(int doc) {
    for (int s = 0; s < first.length; s++) {
      if (doc <= last[s]) {
        return Math.max(doc, first[s]);
      }
    }
    return NONE;
  }
}
