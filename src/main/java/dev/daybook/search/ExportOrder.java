package dev.daybook.search;

import dev.daybook.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The export's doc ids of an index (oldest first, see {@link StaticExport}), read from doc
 * values alone, and what identifies each document: its id field, its time and the report it
 * came from ({@link SearchIndex#REPORT}, path and digest of the report file), and that report's
 * date.
 */
final class ExportOrder {

  /** Lucene doc to exported id. */
  final int[] id;
  /** Exported id to Lucene doc. */
  final int[] doc;
  /**
   * Whether two documents have the same time and id: then their order is Lucene's, which an
   * update of the index may change.
   */
  final boolean ties;
  private final String[] report;
  private final String[] date;

  private ExportOrder(int[] id, int[] doc, boolean ties, String[] report, String[] date) {
    this.id = id;
    this.doc = doc;
    this.ties = ties;
    this.report = report;
    this.date = date;
  }

  /** The date of the report that holds the document with exported id {@code e} (ISO, or ""). */
  String date(int e) {
    String d = date[doc[e]];
    return d == null ? "" : d;
  }

  static ExportOrder of(IndexReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    long[] time = new long[maxDoc];
    // Each doc's id as its ord in its segment: only docs of the same time are compared by id,
    // and only their ids are looked up (most times are distinct).
    int[] ords = new int[maxDoc];
    SortedDocValues[] idsOf = new SortedDocValues[reader.leaves().size()];
    int[] segment = new int[maxDoc];
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      SortedDocValues idValues = leaf.getSortedDocValues(SearchIndex.ID);
      NumericDocValues timeValues = leaf.getNumericDocValues(SearchIndex.TIME);
      if (idValues == null) {
        throw new IllegalStateException("documents without an id");
      }
      idsOf[ctx.ord] = idValues; // look-ups by ord do not depend on where it iterates
      for (int d = 0; d < leaf.maxDoc(); d++) {
        if (!idValues.advanceExact(d)) {
          throw new IllegalStateException("a document without an id");
        }
        ords[ctx.docBase + d] = idValues.ordValue();
        segment[ctx.docBase + d] = ctx.ord;
        if (timeValues != null && timeValues.advanceExact(d)) {
          time[ctx.docBase + d] = timeValues.longValue();
        }
      }
    }
    byte[][] ids = new byte[maxDoc][];
    IntFunction<byte[]> idOf = doc -> {
      if (ids[doc] == null) {
        try {
          BytesRef t = idsOf[segment[doc]].lookupOrd(ords[doc]);
          ids[doc] = Arrays.copyOfRange(t.bytes, t.offset, t.offset + t.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return ids[doc];
    };
    String[] report = byTerm(reader, SearchIndex.REPORT);
    String[] date = byTerm(reader, SearchIndex.DATE);
    // Newest first, then by id: the order daybook search gives equal scores; ids count it down.
    Integer[] order;
    try {
      order = sorted(time, idOf);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    int[] id = new int[maxDoc];
    int[] doc = new int[maxDoc];
    boolean ties = false;
    for (int k = 0; k < maxDoc; k++) {
      id[order[k]] = maxDoc - 1 - k;
      doc[maxDoc - 1 - k] = order[k];
      if (k > 0 && time[order[k]] == time[order[k - 1]]
          && Arrays.equals(idOf.apply(order[k]), idOf.apply(order[k - 1]))) {
        ties = true;
      }
    }
    return new ExportOrder(id, doc, ties, report, date);
  }

  /** Each doc's term of a field that has one per doc, or null. */
  private static String[] byTerm(IndexReader reader, String field) throws IOException {
    String[] out = new String[reader.maxDoc()];
    // Segment by segment: a view over all of them would merge their terms for nothing.
    for (LeafReaderContext ctx : reader.leaves()) {
      Terms terms = ctx.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        String term = t.utf8ToString();
        pe = te.postings(pe, PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          out[ctx.docBase + d] = term;
        }
      }
    }
    return out;
  }

  /** Lucene's docs newest first, then by id bytes; equal ones in Lucene's order. */
  private static Integer[] sorted(long[] time, IntFunction<byte[]> ids) {
    int n = time.length;
    Comparator<Integer> byId = (a, b) -> Arrays.compareUnsigned(ids.apply(a), ids.apply(b));
    Integer[] order = new Integer[n];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long t : time) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (n == 0 || n >= 1 << 24 || max - min >= 1L << 39 || max - min < 0) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[b], time[a])
          : byId.compare(a, b));
      return order;
    }
    // By time first as plain numbers (newest first, then Lucene's order), which is quick even
    // before the JIT has compiled anything; then each run of equal times by id, stably.
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      keyed[i] = (max - time[i]) << 24 | i;
    }
    Arrays.sort(keyed);
    for (int k = 0; k < n; k++) {
      order[k] = (int) (keyed[k] & ((1 << 24) - 1));
    }
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && time[order[to]] == time[order[from]]) {
        to++;
      }
      if (to - from > 1) {
        Arrays.sort(order, from, to, byId);
      }
      from = to;
    }
    return order;
  }

  /** The number of documents. */
  int size() {
    return id.length;
  }

  /** Whether every document names the report it came from. */
  boolean reportsKnown() {
    return Arrays.stream(report).allMatch(r -> r != null && !r.isEmpty());
  }

  /**
   * SHA-256 over the number and the reports (in the order they first come) of the documents with
   * exported ids {@code 0 .. count-1}. A report key names the file's bytes, which make its
   * documents; so equal digests mean that the first ids hold all the documents of the same
   * reports, none other, which in the same order (time, then id, with no ties) get the same ids.
   */
  String digest(int count) {
    MessageDigest sha = Sha256.digest();
    Set<String> seen = new HashSet<>();
    byte[] number = new byte[4];
    for (int e = 0; e < count; e++) {
      String r = report[doc[e]] == null ? "" : report[doc[e]];
      if (seen.add(r)) {
        byte[] key = r.getBytes(StandardCharsets.UTF_8);
        ByteBuffer.wrap(number).putInt(key.length);
        sha.update(number);
        sha.update(key);
      }
    }
    ByteBuffer.wrap(number).putInt(count);
    sha.update(number);
    return HexFormat.of().formatHex(sha.digest());
  }

}
