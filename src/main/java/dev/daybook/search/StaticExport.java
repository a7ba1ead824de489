package dev.daybook.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * Exports what Lucene built ({@link SearchIndex}) as static files for the browser's search
 * ({@code assets/js/search.js}), in the site's {@code search/} folder:
 *
 * <ul>
 *   <li>{@code meta.json}: the BM25 constants ({@link Ranking}), the analyzer version, the
 *       collection statistics of {@code title} and {@code body} exactly as Lucene's
 *       {@code IndexSearcher.collectionStatistics} gives them, the number of shards and of docs
 *       per chunk, and one row per Lucene document (in doc id order): {@code [time, repo, severity,
 *       [types], date, titleLength, bodyLength, sha7]}, where repo, severity, types and date index
 *       the lists {@code repos}, {@code severities}, {@code types}, {@code dates}, and the lengths
 *       are the field norms decoded as BM25 decodes them ({@code SmallFloat.byte4ToInt}).
 *   <li>{@code terms-N.json}, N = {@link #shard}(term): an object from term to postings. A text
 *       term has {@code [title, body]}, each a flat list {@code docDelta, freq, posDelta × freq,
 *       ...} (deltas from the previous doc id and position, starting at 0). A keyword term is
 *       written {@code field:value} ({@code author:}, {@code path:}) and has the list of its doc
 *       id deltas. Text terms never hold ':', so the two cannot meet.
 *   <li>{@code docs-N.json}: the shown values of docs N·chunk to N·chunk+chunk-1, each
 *       {@code [title, body, url, author, sha]}, fetched only for the results on screen.
 * </ul>
 *
 * Everything is written in a fixed order, so the same index gives the same bytes.
 */
public final class StaticExport {

  /** Changes with the file format. */
  public static final int FORMAT = 1;
  /** Documents per {@code docs-N.json}. */
  public static final int CHUNK = 8;
  /** A shard aims at about this many bytes. */
  static final int SHARD_TARGET = 12_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private StaticExport() {}

  /** What was written. */
  public record Result(int files, long bytes) {}

  /** FNV-1a (32 bits) of the UTF-8 bytes of a term, modulo the shard count. */
  public static int shard(String term, int shards) {
    int h = 0x811c9dc5;
    for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return Integer.remainderUnsigned(h, shards);
  }

  /** Reads the index in {@code indexDir} and writes the static files into {@code out}. */
  public static Result write(Path indexDir, Path out) throws IOException {
    try (Directory d = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(d)) {
      return write(reader, out);
    }
  }

  static Result write(DirectoryReader reader, Path out) throws IOException {
    if (reader.leaves().size() > 1) {
      throw new IllegalStateException("the search index has more than one segment");
    }
    Files.createDirectories(out);
    IndexSearcher searcher = new IndexSearcher(reader);
    int maxDoc = reader.maxDoc();
    // term -> [title postings, body postings] or keyword postings
    Map<String, Object> terms = new TreeMap<>();
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> shown = new ArrayList<>();
    TreeSet<String> repos = new TreeSet<>();
    TreeSet<String> severities = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> dates = new TreeSet<>();
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < maxDoc; i++) {
      Document doc = searcher.storedFields().document(i);
      docs.add(doc);
      repos.add(doc.get(SearchIndex.SHOW + SearchIndex.REPO));
      severities.add(doc.get(SearchIndex.SHOW + SearchIndex.SEVERITY));
      dates.add(doc.get(SearchIndex.SHOW + SearchIndex.DATE));
      for (IndexableField f : doc.getFields(SearchIndex.SHOW + SearchIndex.TYPE)) {
        types.add(f.stringValue());
      }
    }
    List<String> repoList = List.copyOf(repos);
    List<String> sevList = List.copyOf(severities);
    List<String> typeList = List.copyOf(types);
    List<String> dateList = List.copyOf(dates);
    int[][] lengths = new int[2][maxDoc];
    long[] time = new long[maxDoc];
    if (maxDoc > 0) {
      LeafReader leaf = reader.leaves().get(0).reader();
      String[] text = {SearchIndex.TITLE, SearchIndex.BODY};
      for (int f = 0; f < 2; f++) {
        NumericDocValues norms = leaf.getNormValues(text[f]);
        for (int i = 0; norms != null && i < maxDoc; i++) {
          if (norms.advanceExact(i)) {
            lengths[f][i] = SmallFloat.byte4ToInt((byte) norms.longValue());
          }
        }
        textPostings(leaf, text[f], f, terms);
      }
      for (String keyword : List.of(SearchIndex.AUTHOR, SearchIndex.PATH)) {
        keywordPostings(leaf, keyword, terms);
      }
      NumericDocValues t = leaf.getNumericDocValues(SearchIndex.TIME);
      for (int i = 0; t != null && i < maxDoc; i++) {
        if (t.advanceExact(i)) {
          time[i] = t.longValue();
        }
      }
    }
    for (int i = 0; i < maxDoc; i++) {
      Document doc = docs.get(i);
      List<Integer> typeIdx = Arrays.stream(doc.getFields(SearchIndex.SHOW + SearchIndex.TYPE))
          .map(f -> typeList.indexOf(f.stringValue())).toList();
      String sha = doc.get(SearchIndex.SHOW + SearchIndex.SHA);
      rows.add(new Object[] {time[i], repoList.indexOf(doc.get(SearchIndex.SHOW + SearchIndex.REPO)),
          sevList.indexOf(doc.get(SearchIndex.SHOW + SearchIndex.SEVERITY)), typeIdx,
          dateList.indexOf(doc.get(SearchIndex.SHOW + SearchIndex.DATE)), lengths[0][i],
          lengths[1][i], sha.substring(0, Math.min(7, sha.length()))});
      shown.add(new Object[] {doc.get(SearchIndex.SHOW + SearchIndex.TITLE),
          doc.get(SearchIndex.SHOW + SearchIndex.BODY), doc.get(SearchIndex.SHOW + "url"),
          doc.get(SearchIndex.SHOW + SearchIndex.AUTHOR), sha});
    }

    // Shards: enough that one holds about SHARD_TARGET bytes, a power of two from 16 to 256.
    long total = 0;
    for (Map.Entry<String, Object> e : terms.entrySet()) {
      total += e.getKey().length() + JSON.writeValueAsBytes(e.getValue()).length + 4;
    }
    int shards = 16;
    while (shards < 256 && total / shards > SHARD_TARGET) {
      shards *= 2;
    }
    List<Map<String, Object>> byShard = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      byShard.add(new TreeMap<>());
    }
    for (Map.Entry<String, Object> e : terms.entrySet()) {
      byShard.get(shard(e.getKey(), shards)).put(e.getKey(), e.getValue());
    }

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("analyzer", TextAnalysis.VERSION);
    meta.put("k1", Ranking.K1);
    meta.put("b", Ranking.B);
    meta.put("titleBoost", Ranking.TITLE_BOOST);
    meta.put("bodyBoost", Ranking.BODY_BOOST);
    meta.put("shards", shards);
    meta.put("chunk", CHUNK);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String f : List.of(SearchIndex.TITLE, SearchIndex.BODY)) {
      CollectionStatistics cs = maxDoc == 0 ? null : searcher.collectionStatistics(f);
      fields.put(f, cs == null ? List.of(0, 0) : List.of(cs.docCount(), cs.sumTotalTermFreq()));
    }
    meta.put("fields", fields);
    meta.put("repos", repoList);
    meta.put("severities", sevList);
    meta.put("types", typeList);
    meta.put("dates", dateList);
    meta.put("docs", rows);

    Result r = new Result(0, 0);
    clean(out);
    r = add(r, out.resolve("meta.json"), meta);
    for (int s = 0; s < shards; s++) {
      r = add(r, out.resolve("terms-" + s + ".json"), byShard.get(s));
    }
    for (int c = 0; c * CHUNK < maxDoc; c++) {
      r = add(r, out.resolve("docs-" + c + ".json"),
          shown.subList(c * CHUNK, Math.min(maxDoc, c * CHUNK + CHUNK)));
    }
    return r;
  }

  private static void clean(Path out) throws IOException {
    try (var files = Files.list(out)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".json")) {
          Files.delete(p);
        }
      }
    }
  }

  private static Result add(Result r, Path file, Object value) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(value);
    Files.write(file, bytes);
    return new Result(r.files() + 1, r.bytes() + bytes.length);
  }

  @SuppressWarnings("unchecked")
  private static void textPostings(LeafReader leaf, String field, int slot,
      Map<String, Object> out) throws IOException {
    Terms t = leaf.terms(field);
    if (t == null) {
      return;
    }
    TermsEnum te = t.iterator();
    PostingsEnum pe = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      String key = term.utf8ToString();
      pe = te.postings(pe, PostingsEnum.POSITIONS);
      List<Integer> list = new ArrayList<>();
      int lastDoc = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        int freq = pe.freq();
        list.add(doc - lastDoc);
        list.add(freq);
        lastDoc = doc;
        int lastPos = 0;
        for (int k = 0; k < freq; k++) {
          int p = pe.nextPosition();
          list.add(p - lastPos);
          lastPos = p;
        }
      }
      List<Object> both = (List<Object>) out.computeIfAbsent(key,
          k -> new ArrayList<>(List.of(List.of(), List.of())));
      both.set(slot, list);
    }
  }

  private static void keywordPostings(LeafReader leaf, String field, Map<String, Object> out)
      throws IOException {
    Terms t = leaf.terms(field);
    if (t == null) {
      return;
    }
    TermsEnum te = t.iterator();
    PostingsEnum pe = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      pe = te.postings(pe, PostingsEnum.NONE);
      List<Integer> list = new ArrayList<>();
      int lastDoc = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        list.add(doc - lastDoc);
        lastDoc = doc;
      }
      out.put(field + ":" + term.utf8ToString(), list);
    }
  }
}
