package dev.daybook.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
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
 * ({@code assets/js/search.js}), in the site's {@code search/} folder. Nothing a query must load
 * grows with the number of documents except the postings of the terms it asks for.
 *
 * <p><b>Doc ids.</b> The export numbers the documents oldest first, so that a new day's commits
 * take new ids at the end and the files of older commits keep their bytes. The order is the
 * reverse of the one {@code daybook search} gives equal scores (time, newest first, then Lucene's
 * id field {@code repo@sha}): in the browser equal scores go higher id first, and no time is
 * needed.
 *
 * <ul>
 *   <li>{@code meta.json}: constants only: the format, the BM25 constants ({@link Ranking}), the
 *       analyzer version, the number of documents, of shards and of docs per chunk, the collection
 *       statistics of {@code title} and {@code body} exactly as Lucene's {@code
 *       IndexSearcher.collectionStatistics} gives them, the table decoding a norm byte to a field
 *       length ({@code SmallFloat.byte4ToInt}, as BM25 decodes it), and the values of the facets
 *       ({@code repos}, {@code severities}, {@code types}, {@code years}).
 *   <li>{@code terms-N.json}, N = {@link #shard}(term) of {@code shards}: an object from term to
 *       postings. A text term has {@code [title, body]}, each a flat list {@code docDelta, norm,
 *       freq, ...} (deltas from the previous doc id, starting at 0; norm is the field's norm
 *       byte, 0..255, which {@code lengths} decodes), {@link #packed} into a string. A keyword
 *       term is written {@code field:value} ({@code author:}, {@code path:}) and has the
 *       packed list of its doc id deltas; {@code sha:xxxx} (the first four hex
 *       digits of a SHA) has {@code [docDeltas, [the next three digits]]}. Text terms never hold
 *       ':', so the two cannot meet.
 *   <li>{@code pos-N.json}, N = {@link #shard}(term) of {@code posShards}: the positions of a text
 *       term, {@code [title, body]}, each a packed list of position deltas (from 0 in each doc), freq
 *       of them per doc in the order of its postings; loaded only for phrases.
 *   <li>{@code big-K.json}: the value of one term whose postings or positions are longer than
 *       {@link #BIG} bytes; its shard holds K instead.
 *   <li>{@code facets.json}: the severity and types of every doc as one code each (see {@link
 *       #facetCodes}), a character or two per doc, for the facets of a result list.
 *   <li>{@code field-F.json} for F in repo, severity, type, date, year: an object from a value
 *       (a repo as shown; the browser finds the repos an owner or a name filter means in {@code
 *       repos}) to its set of doc ids, written whichever way is
 *       shortest: {@code {"d": docDeltas}}, {@code {"r": [gap, length, ...]}} (runs) or {@code
 *       {"b": base64}} (a bitset, bit i of byte i/8 least significant first). Loaded for a
 *       filter on F; repo and year also for the facets of a result list.
 *   <li>{@code docs-N.json}: the shown values of docs N·chunk to N·chunk+chunk-1, each
 *       {@code [title, body, url, author, sha, date, repo, severity, [types]]}, fetched only for
 *       the results on screen.
 * </ul>
 *
 * Everything is written in a fixed order, so the same index gives the same bytes.
 */
public final class StaticExport {

  /** Changes with the file format. */
  public static final int FORMAT = 4;
  /**
   * Documents per {@code docs-N.json}. The ten results a query shows are often ten chunks apart
   * (ids run by time), so a chunk's other documents are mostly fetched for nothing: 4 rather than
   * 8 cuts a first query's text by about half, for twice as many (small) files.
   */
  public static final int CHUNK = 4;
  /**
   * A shard holds at most about this many bytes on average (and at least half of it). A query
   * loads a whole shard per term for a few hundred bytes of its own, so small shards pay; since
   * postings are packed, 16 KB hold as many terms as 32 KB of JSON numbers did.
   */
  static final int SHARD_TARGET = 16_000;
  /** At most this many term shards. */
  static final int MAX_SHARDS = 4096;
  /** A term whose postings are longer than this many bytes gets a file of its own. */
  static final int BIG = 8_000;
  /** The keyword fields written to {@code field-F.json}. */
  static final List<String> FIELD_FILES = List.of("repo", "severity", "type", "date", "year");

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

  /** Where the exported files go: a name ({@code meta.json}) and its bytes, in a fixed order. */
  @FunctionalInterface
  public interface Sink {
    void file(String name, byte[] bytes) throws IOException;
  }

  /** Reads the index in {@code indexDir} and gives the static files to {@code sink}. */
  public static Result write(Path indexDir, Sink sink) throws IOException {
    try (Directory d = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(d)) {
      return write(reader, sink);
    }
  }

  static Result write(DirectoryReader reader, Sink out) throws IOException {
    if (reader.hasDeletions()) {
      // Deleted documents still count in the statistics; SearchIndex merges them away.
      throw new IllegalStateException("the search index has deleted documents");
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    int maxDoc = reader.maxDoc();
    List<Document> docs = new ArrayList<>();
    long[] time = new long[maxDoc];
    // One reader of stored fields for all documents, in order: it keeps the block it has
    // decompressed, where a new one per document would decompress it again every time.
    StoredFields stored = reader.storedFields();
    for (int i = 0; i < maxDoc; i++) {
      docs.add(stored.document(i));
    }
    // Lucene's views over every segment, with doc ids counted across them.
    if (maxDoc > 0) {
      NumericDocValues t = MultiDocValues.getNumericValues(reader, SearchIndex.TIME);
      for (int i = 0; t != null && i < maxDoc; i++) {
        if (t.advanceExact(i)) {
          time[i] = t.longValue();
        }
      }
    }
    // Newest first, then by id: the order daybook search gives equal scores; ids count it down.
    Integer[] order = new Integer[maxDoc];
    for (int i = 0; i < maxDoc; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -time[i])
        .thenComparing(i -> new BytesRef(docs.get(i).get(SearchIndex.ID))));
    int[] id = new int[maxDoc]; // Lucene doc -> exported id
    for (int k = 0; k < maxDoc; k++) {
      id[order[k]] = maxDoc - 1 - k;
    }

    Map<String, Object> terms = new TreeMap<>();
    Map<String, Object> positions = new TreeMap<>();
    TreeSet<String> repos = new TreeSet<>();
    TreeSet<String> severities = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> years = new TreeSet<>();
    Map<String, Map<String, BitSet>> fieldSets = new TreeMap<>();
    for (String f : FIELD_FILES) {
      fieldSets.put(f, new TreeMap<>());
    }
    Map<String, TreeMap<Integer, String>> shas = new TreeMap<>();
    String[] combo = new String[maxDoc]; // severity and types of each exported doc
    List<Object[]> shown = new ArrayList<>(Collections.nCopies(maxDoc, (Object[]) null));
    for (int i = 0; i < maxDoc; i++) {
      Document doc = docs.get(i);
      int e = id[i];
      String repo = doc.get(SearchIndex.SHOW + SearchIndex.REPO);
      String severity = doc.get(SearchIndex.SHOW + SearchIndex.SEVERITY);
      String date = doc.get(SearchIndex.SHOW + SearchIndex.DATE);
      String year = date.substring(0, Math.min(4, date.length()));
      List<String> docTypes = Arrays.stream(doc.getFields(SearchIndex.SHOW + SearchIndex.TYPE))
          .map(IndexableField::stringValue).toList();
      repos.add(repo);
      severities.add(severity);
      types.addAll(docTypes);
      years.add(year);
      mark(fieldSets, "repo", repo, e);
      mark(fieldSets, "severity", severity, e);
      combo[e] = JSON.writeValueAsString(List.of(severity, docTypes));
      for (String t : docTypes) {
        mark(fieldSets, "type", t, e);
      }
      mark(fieldSets, "date", date, e);
      mark(fieldSets, "year", year, e);
      String sha = doc.get(SearchIndex.SHOW + SearchIndex.SHA);
      String low = sha.toLowerCase(Locale.ROOT);
      if (low.length() >= 4) {
        shas.computeIfAbsent("sha:" + low.substring(0, 4), k -> new TreeMap<>())
            .put(e, low.substring(4, Math.min(7, low.length())));
      }
      shown.set(e, new Object[] {doc.get(SearchIndex.SHOW + SearchIndex.TITLE),
          doc.get(SearchIndex.SHOW + SearchIndex.BODY), doc.get(SearchIndex.SHOW + "url"),
          doc.get(SearchIndex.SHOW + SearchIndex.AUTHOR), sha, date, repo, severity, docTypes});
    }
    if (maxDoc > 0) {
      String[] text = {SearchIndex.TITLE, SearchIndex.BODY};
      for (int f = 0; f < 2; f++) {
        int[] norms = new int[maxDoc];
        NumericDocValues nv = MultiDocValues.getNormValues(reader, text[f]);
        for (int i = 0; nv != null && i < maxDoc; i++) {
          if (nv.advanceExact(i)) {
            norms[i] = Byte.toUnsignedInt((byte) nv.longValue());
          }
        }
        textPostings(reader, text[f], f, id, norms, terms, positions);
      }
      for (String keyword : List.of(SearchIndex.AUTHOR, SearchIndex.PATH)) {
        keywordPostings(reader, keyword, id, terms);
      }
    }
    for (Map.Entry<String, TreeMap<Integer, String>> e : shas.entrySet()) {
      List<Integer> deltas = new ArrayList<>();
      int last = 0;
      for (int d : e.getValue().keySet()) {
        deltas.add(d - last);
        last = d;
      }
      terms.put(e.getKey(), List.of(deltas, new ArrayList<>(e.getValue().values())));
    }

    List<Object> spilled = new ArrayList<>();
    List<Map<String, Object>> byShard = shards(terms, spilled);
    List<Map<String, Object>> byPosShard = shards(positions, spilled);
    int shards = byShard.size();

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("analyzer", TextAnalysis.VERSION);
    meta.put("k1", Ranking.K1);
    meta.put("b", Ranking.B);
    meta.put("titleBoost", Ranking.TITLE_BOOST);
    meta.put("bodyBoost", Ranking.BODY_BOOST);
    meta.put("n", maxDoc);
    meta.put("shards", shards);
    meta.put("posShards", byPosShard.size());
    meta.put("chunk", CHUNK);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String f : List.of(SearchIndex.TITLE, SearchIndex.BODY)) {
      CollectionStatistics cs = maxDoc == 0 ? null : searcher.collectionStatistics(f);
      fields.put(f, cs == null ? List.of(0, 0) : List.of(cs.docCount(), cs.sumTotalTermFreq()));
    }
    meta.put("fields", fields);
    List<Integer> lengths = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      lengths.add(SmallFloat.byte4ToInt((byte) b));
    }
    meta.put("lengths", lengths);
    meta.put("repos", List.copyOf(repos));
    meta.put("severities", List.copyOf(severities));
    meta.put("types", List.copyOf(types));
    meta.put("years", List.copyOf(years));

    Result r = new Result(0, 0);
    r = add(r, out, "meta.json", meta);
    for (int s = 0; s < shards; s++) {
      r = add(r, out, "terms-" + s + ".json", byShard.get(s));
    }
    for (int s = 0; s < byPosShard.size(); s++) {
      r = add(r, out, "pos-" + s + ".json", byPosShard.get(s));
    }
    for (int k = 0; k < spilled.size(); k++) {
      r = add(r, out, "big-" + k + ".json", spilled.get(k));
    }
    r = add(r, out, "facets.json", facetCodes(combo));
    for (String f : FIELD_FILES) {
      Map<String, Object> sets = new LinkedHashMap<>();
      for (Map.Entry<String, BitSet> e : fieldSets.get(f).entrySet()) {
        sets.put(e.getKey(), docSet(e.getValue()));
      }
      r = add(r, out, "field-" + f + ".json", sets);
    }
    for (int c = 0; c * CHUNK < maxDoc; c++) {
      r = add(r, out, "docs-" + c + ".json",
          shown.subList(c * CHUNK, Math.min(maxDoc, c * CHUNK + CHUNK)));
    }
    return r;
  }

  /**
   * Spreads terms over the fewest shards (a power of two, at most {@link #MAX_SHARDS}) that keep
   * a shard at most {@link #SHARD_TARGET} bytes on average. A term whose value alone is more than
   * {@link #BIG} bytes goes to a file of its own, {@code big-K.json}, and its shard holds K.
   */
  private static List<Map<String, Object>> shards(Map<String, Object> terms, List<Object> spilled)
      throws IOException {
    Map<String, Object> kept = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Object> e : terms.entrySet()) {
      int size = JSON.writeValueAsBytes(e.getValue()).length;
      Object value = e.getValue();
      if (size > BIG) {
        value = spilled.size();
        spilled.add(e.getValue());
        size = 8;
      }
      kept.put(e.getKey(), value);
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length + size + 4;
    }
    int shards = 1;
    while (shards < MAX_SHARDS && total / shards > SHARD_TARGET) {
      shards *= 2;
    }
    List<Map<String, Object>> byShard = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      byShard.add(new TreeMap<>());
    }
    for (Map.Entry<String, Object> e : kept.entrySet()) {
      byShard.get(shard(e.getKey(), shards)).put(e.getKey(), e.getValue());
    }
    return byShard;
  }

  /**
   * The severity and types of every doc, for counting facets: {@code combos}, the distinct
   * {@code [severity, [types]]}, and {@code codes}, per doc id {@code width} characters of
   * {@link #DIGITS} giving the index of its combo (most significant first).
   */
  static Map<String, Object> facetCodes(String[] combo) throws IOException {
    List<String> distinct = List.copyOf(new TreeSet<>(Arrays.asList(combo)));
    int width = 1;
    for (long cap = DIGITS.length(); cap < distinct.size(); cap *= DIGITS.length()) {
      width++;
    }
    StringBuilder codes = new StringBuilder();
    for (String c : combo) {
      int k = Collections.binarySearch(distinct, c);
      char[] digits = new char[width];
      for (int w = width - 1; w >= 0; w--) {
        digits[w] = DIGITS.charAt(k % DIGITS.length());
        k /= DIGITS.length();
      }
      codes.append(digits);
    }
    List<Object> combos = new ArrayList<>();
    for (String c : distinct) {
      combos.add(JSON.readValue(c, List.class));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("combos", combos);
    out.put("width", width);
    out.put("codes", codes.toString());
    return out;
  }

  /** The digits of {@code facets.json}'s codes: printable, none escaped in JSON. */
  static final String DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

  private static void mark(Map<String, Map<String, BitSet>> sets, String field, String value,
      int doc) {
    sets.get(field).computeIfAbsent(value, k -> new BitSet()).set(doc);
  }

  /** A set of doc ids, written whichever way is shortest (see the class comment). */
  static Map<String, Object> docSet(BitSet set) throws IOException {
    List<Integer> deltas = new ArrayList<>();
    int last = 0;
    for (int d = set.nextSetBit(0); d >= 0; d = set.nextSetBit(d + 1)) {
      deltas.add(d - last);
      last = d;
    }
    // runs: [gap from the end of the previous run, length, ...]
    List<Integer> fixed = new ArrayList<>();
    int prevEnd = 0;
    int abs = 0;
    for (int s = set.nextSetBit(0); s >= 0; s = set.nextSetBit(abs)) {
      abs = set.nextClearBit(s);
      fixed.add(s - prevEnd);
      fixed.add(abs - s);
      prevEnd = abs;
    }
    byte[] bytes = set.toByteArray();
    List<Map<String, Object>> options = List.of(Map.of("d", deltas), Map.of("r", fixed),
        Map.of("b", Base64.getEncoder().encodeToString(bytes)));
    Map<String, Object> best = null;
    int bestLength = Integer.MAX_VALUE;
    for (Map<String, Object> o : options) {
      int n = JSON.writeValueAsBytes(o).length;
      if (n < bestLength) {
        best = o;
        bestLength = n;
      }
    }
    return best;
  }

  private static Result add(Result r, Sink out, String name, Object value) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(value);
    out.file(name, bytes);
    return new Result(r.files() + 1, r.bytes() + bytes.length);
  }

  @SuppressWarnings("unchecked")
  private static void textPostings(IndexReader reader, String field, int slot, int[] id,
      int[] norms, Map<String, Object> out, Map<String, Object> outPositions) throws IOException {
    Terms t = MultiTerms.getTerms(reader, field);
    if (t == null) {
      return;
    }
    TermsEnum te = t.iterator();
    PostingsEnum pe = null;
    Postings p = new Postings();
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      String key = term.utf8ToString();
      pe = te.postings(pe, PostingsEnum.POSITIONS);
      p.clear();
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        int freq = pe.freq();
        int at = p.add(id[doc], 2 + freq);
        p.values[at] = norms[doc];
        p.values[at + 1] = freq;
        int lastPos = 0;
        for (int k = 0; k < freq; k++) {
          int pos = pe.nextPosition();
          p.values[at + 2 + k] = pos - lastPos;
          lastPos = pos;
        }
      }
      // In exported-id order: docDelta, norm, freq for each doc; the positions apart.
      Packer list = new Packer();
      Packer positions = new Packer();
      int lastDoc = 0;
      for (int i : p.byId()) {
        int at = p.start[i];
        list.add(p.ids[i] - lastDoc);
        lastDoc = p.ids[i];
        list.add(p.values[at]);
        list.add(p.values[at + 1]);
        for (int k = 0; k < p.values[at + 1]; k++) {
          positions.add(p.values[at + 2 + k]);
        }
      }
      List<Object> both = (List<Object>) out.computeIfAbsent(key,
          k -> new ArrayList<>(List.of("", "")));
      both.set(slot, list.toString());
      List<Object> bothPos = (List<Object>) outPositions.computeIfAbsent(key,
          k -> new ArrayList<>(List.of("", "")));
      bothPos.set(slot, positions.toString());
    }
  }

  /**
   * The postings of one term as Lucene gives them (in Lucene's doc order), in flat arrays reused
   * from term to term: no boxed numbers, no map per term. {@link #byId} gives the order of the
   * exported ids.
   */
  private static final class Postings {
    int count;
    int[] ids = new int[64];
    int[] start = new int[64];
    int[] values = new int[256];
    int used;

    void clear() {
      count = 0;
      used = 0;
    }

    /** Adds a doc with {@code size} values; returns where its values go in {@link #values}. */
    int add(int exportedId, int size) {
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
        start = Arrays.copyOf(start, count * 2);
      }
      if (used + size > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, used + size));
      }
      ids[count] = exportedId;
      start[count] = used;
      used += size;
      return start[count++];
    }

    /** The indexes 0..count-1 sorted by exported id (ids are distinct). */
    int[] byId() {
      long[] keyed = new long[count];
      for (int i = 0; i < count; i++) {
        keyed[i] = ((long) ids[i] << 32) | i;
      }
      Arrays.sort(keyed);
      int[] order = new int[count];
      for (int i = 0; i < count; i++) {
        order[i] = (int) keyed[i];
      }
      return order;
    }
  }

  /** Writes numbers as {@link #packed} does, as they come. */
  private static final class Packer {
    private final StringBuilder s = new StringBuilder();

    void add(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("a negative number: " + v);
      }
      while (v >= 32) {
        s.append(DIGITS.charAt(32 + (v & 31)));
        v >>>= 5;
      }
      s.append(DIGITS.charAt(v));
    }

    @Override
    public String toString() {
      return s.toString();
    }
  }

  private static void keywordPostings(IndexReader reader, String field, int[] id,
      Map<String, Object> out) throws IOException {
    Terms t = MultiTerms.getTerms(reader, field);
    if (t == null) {
      return;
    }
    TermsEnum te = t.iterator();
    PostingsEnum pe = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      pe = te.postings(pe, PostingsEnum.NONE);
      int[] ids = new int[Math.max(1, te.docFreq())];
      int n = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, n * 2);
        }
        ids[n++] = id[doc];
      }
      Arrays.sort(ids, 0, n);
      Packer list = new Packer();
      int lastDoc = 0;
      for (int i = 0; i < n; i++) {
        list.add(ids[i] - lastDoc);
        lastDoc = ids[i];
      }
      out.put(field + ":" + term.utf8ToString(), list.toString());
    }
  }

  /**
   * A list of non-negative numbers as a string of {@link #DIGITS}: each number in groups of 5
   * bits, least significant first, a digit from the upper half (32..63) saying that more groups
   * follow. Deltas, norms and frequencies mostly take one or two characters where JSON numbers
   * and commas take two to four.
   */
  static String packed(List<Integer> numbers) {
    Packer p = new Packer();
    for (int v : numbers) {
      p.add(v);
    }
    return p.toString();
  }
}
