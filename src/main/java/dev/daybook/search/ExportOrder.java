package dev.daybook.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
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
 * came from ({@link SearchIndex#REPORT}, path and digest of the report file).
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
  private final byte[][] ids;
  private final long[] time;
  private final String[] report;

  private ExportOrder(int[] id, int[] doc, boolean ties, byte[][] ids, long[] time,
      String[] report) {
    this.id = id;
    this.doc = doc;
    this.ties = ties;
    this.ids = ids;
    this.time = time;
    this.report = report;
  }

  static ExportOrder of(IndexReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    byte[][] ids = new byte[maxDoc][];
    long[] time = new long[maxDoc];
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      SortedDocValues idValues = leaf.getSortedDocValues(SearchIndex.ID);
      NumericDocValues timeValues = leaf.getNumericDocValues(SearchIndex.TIME);
      if (idValues == null) {
        throw new IllegalStateException("documents without an id");
      }
      // Every id in term order, once: a look-up by ord would decompress a block each time.
      byte[][] byOrd = new byte[idValues.getValueCount()][];
      TermsEnum te = idValues.termsEnum();
      int ord = 0;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        byOrd[ord++] = Arrays.copyOfRange(t.bytes, t.offset, t.offset + t.length);
      }
      for (int d = 0; d < leaf.maxDoc(); d++) {
        if (!idValues.advanceExact(d)) {
          throw new IllegalStateException("a document without an id");
        }
        ids[ctx.docBase + d] = byOrd[idValues.ordValue()];
        if (timeValues != null && timeValues.advanceExact(d)) {
          time[ctx.docBase + d] = timeValues.longValue();
        }
      }
    }
    String[] report = new String[maxDoc];
    Terms keys = MultiTerms.getTerms(reader, SearchIndex.REPORT);
    if (keys != null) {
      TermsEnum te = keys.iterator();
      PostingsEnum pe = null;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        String key = t.utf8ToString();
        pe = te.postings(pe, PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          report[d] = key;
        }
      }
    }
    // Newest first, then by id: the order daybook search gives equal scores; ids count it down.
    Integer[] order = new Integer[maxDoc];
    for (int i = 0; i < maxDoc; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : time[a] != time[b]
        ? Long.compare(time[b], time[a]) : Arrays.compareUnsigned(ids[a], ids[b]));
    int[] id = new int[maxDoc];
    int[] doc = new int[maxDoc];
    boolean ties = false;
    for (int k = 0; k < maxDoc; k++) {
      id[order[k]] = maxDoc - 1 - k;
      doc[maxDoc - 1 - k] = order[k];
      if (k > 0 && time[order[k]] == time[order[k - 1]]
          && Arrays.equals(ids[order[k]], ids[order[k - 1]])) {
        ties = true;
      }
    }
    return new ExportOrder(id, doc, ties, ids, time, report);
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
   * SHA-256 over the id, report and time of the documents with exported ids {@code 0 ..
   * count-1}, for each count asked (ascending): equal digests mean the same documents, made from
   * the same report files, under the same ids.
   */
  List<String> digests(int... counts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    List<String> out = new ArrayList<>();
    byte[] number = new byte[8];
    String lastReport = null;
    int e = 0;
    for (int count : counts) {
      for (; e < count; e++) {
        int d = doc[e];
        part(sha, number, ids[d]);
        // A report's documents mostly follow each other: its key once, then "the same".
        String r = report[d] == null ? "" : report[d];
        if (r.equals(lastReport)) {
          sha.update((byte) 0);
        } else {
          sha.update((byte) 1);
          part(sha, number, r.getBytes(StandardCharsets.UTF_8));
          lastReport = r;
        }
        ByteBuffer.wrap(number).putLong(time[d]);
        sha.update(number, 0, 8);
      }
      try {
        out.add(HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest()));
      } catch (CloneNotSupportedException x) {
        throw new IllegalStateException("SHA-256 digests clone in every JDK", x);
      }
    }
    return out;
  }

  private static void part(MessageDigest sha, byte[] number, byte[] bytes) {
    ByteBuffer.wrap(number).putInt(bytes.length);
    sha.update(number, 0, 4);
    sha.update(bytes);
  }
}
