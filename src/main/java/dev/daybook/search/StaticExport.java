package dev.daybook.search;

import dev.daybook.concurrent.Parallel;
import dev.daybook.report.ReportPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
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

/**
 * Exports what Lucene built ({@link SearchIndex}) as static files for the browser's search
 * ({@code assets/js/search.js}), in the site's {@code search/} folder. Nothing a query must load
 * grows with the number of documents except the postings of the terms it asks for.
 *
 * <p><b>Doc ids.</b> The export numbers the documents oldest first. The order is the reverse of
 * the one {@code daybook search} gives equal scores (time, newest first, then Lucene's id field
 * {@code repo@sha}): in the browser equal scores go higher id first, and no time is needed.
 *
 * <p><b>Parts.</b> The documents are exported in {@linkplain Part parts} of consecutive ids:
 * those of the newest document's month, and all the older ones. Each part has its own folder,
 * named by the month of its first document ({@code 2020-01/}, {@code 2024-12/}), with the files
 * below, which number its documents from 0; the browser adds the part's {@code from}. A new day
 * in the same month remakes only the newest part, small, and keeps the older one as published
 * (the build knows it by its {@linkplain Part#key key}); the first day of a month remakes both.
 * A query loads a term's shard from each part it can match and from the newest part; from the
 * others, only for a text term the newest part lacks (its document frequency, which the newest
 * part gives for the terms it holds). Statistics are the whole index's, in {@code meta.json}.
 *
 * <ul>
 *   <li>{@code meta.json}: no row per document: the format, the BM25 constants and the scores of a
 *       word's author, type, severity and SHA matches ({@link Ranking}), the analyzer version, the
 *       number of documents, of docs per chunk and of numbered files per folder, the parts
 *       ({@code dir}, {@code from}, {@code n}, their numbers of {@code shards} and {@code
 *       posShards}, {@code spell}: which
 *       {@code words-Ln.json} it has, per letter bit n of a number, and the {@code repos},
 *       {@code severities} and {@code types} of its documents, sorted, and {@code dates}: the first
 *       and last date of its documents, so that a query's date filter loads no {@code
 *       field-date.json} of a part it cannot meet, and a query that requires one no {@code
 *       field-F-K.json} of its filters there), the collection statistics
 *       of {@code title} and {@code body} exactly as Lucene's {@code
 *       IndexSearcher.collectionStatistics} gives them (the browser decodes a norm byte to a
 *       field length as BM25 does, {@code SmallFloat.byte4ToInt}), and the values of the facets
 *       ({@code repos}, {@code severities}, {@code types}, {@code years}) and the words that
 *       name each type and severity ({@code words}, see {@link ArchiveWords#export}).
 * </ul>
 *
 * In each part's folder (a file of a numbered kind, {@code docs-N.json}, {@code big-K.json},
 * {@code tail-K.json}, in a folder of {@link #PER_FOLDER}: {@code docs/G/docs-N.json}, G = N /
 * perFolder):
 *
 * <ul>
 *   <li>{@code terms-N.json}, N = {@link #shard}(term) of the part's {@code shards} (an {@code
 *       author:} term goes with the first term of the name): an object from term to
 *       postings. A text term has {@code [title, body]}, each a flat list {@code docDelta, norm,
 *       freq, ...} (deltas from the previous doc id, starting at 0; norm is the field's norm
 *       byte, 0..255, which {@code SmallFloat.byte4ToInt} decodes), {@linkplain
 *       ExportCodec.Packer packed} into a string. A text term whose value is longer than {@link
 *       #SPLIT} bytes in the part is written as a head ({@link TermSplit}): {@code [titleHead,
 *       bodyHead, [dfTitle, dfBody], K, titleFrontier, bodyFrontier]}, the postings of the
 *       documents likely to score best for it (both fields of each), the numbers of documents
 *       of the whole lists, the place K of the rest in {@code tail-K.json}, and per field the
 *       packed pairs {@code norm, freq} of the tail that no other pair of it beats (a lower norm
 *       and a higher freq score better whatever the statistics). A keyword term is written {@code field:value} ({@code author:},
 *       {@code path:}) and has the packed list of its doc id deltas; {@code sha:xxxx} (the first four hex
 *       digits of a SHA) has {@code [docDeltas, [the next three digits]]}. Text terms never hold
 *       ':', so the two cannot meet. A part holds only the terms of its documents, but for
 *       the newest of several parts: there a text term the other parts hold too has one more
 *       element, {@code [dfTitle, dfBody]}, how many of their documents hold it in each field
 *       ({@link #otherParts}), and every {@code author:} term of the other parts is there, with
 *       no docs ({@code ""}) when it has none of its own.
 *   <li>{@code pos-N.json}, N = {@link #shard}(term) of {@code posShards}: the positions of a text
 *       term, {@code [title, body]}, each a packed list of position deltas (from 0 in each doc), freq
 *       of them per doc in the order of its postings; loaded only for phrases.
 *   <li>{@code big-K.json}: the value of one term whose postings or positions are longer than
 *       {@link #BIG} bytes; its shard holds K instead.
 *   <li>{@code tail-K.json}: the rest of the K-th split term's postings, {@code [title, body]}
 *       as in a shard. Loaded for a phrase, the facets or the newest first order, or when the
 *       head does not prove the first results (search.js {@code proven}). The positions of a
 *       split term list the head's documents first, then the tail's.
 *   <li>{@code facets.json}: the severity and types of every doc as one code each (see {@link
 *       ExportCodec#facetCodes}), a character or two per doc, for the facets of a result list.
 *   <li>{@code field-F-K.json} for F in repo, severity, type: the set of doc ids of the part's
 *       K-th value of F (from 0, in the part's {@code repos}, {@code severities} or {@code
 *       types} in meta.json; a repo as shown: the browser finds the repos an owner or a name
 *       filter means in {@code repos}), written whichever way is shortest: {@code {"d":
 *       docDeltas}}, {@code {"r": [gap, length, ...]}} (runs) or {@code {"b": base64}} (a bitset,
 *       bit i of byte i/8 least significant first). A file per value, so that a filter or a
 *       word of a type loads only its own set. Loaded for a filter on F or a word that names the
 *       value; the repos' also for the facets of a result list.
 *   <li>{@code field-F.json} for F in date, year, month: an object from a value to its set of
 *       doc ids, written as above. Loaded for a filter on F; year and month also for the facets
 *       of a result list.
 *   <li>{@code words-Ln.json}: the spelling vocabulary ({@link Spelling}), the words of {@link
 *       SearchIndex#SPELL} that begin with letter L and have n letters, each with the number of
 *       the part's commits that hold it, {@code {"cache": 18, ...}}. Loaded only for a query word
 *       that matches nothing: the words one or two edits away, of its first letter and lengths
 *       n-2 to n+2; the browser adds up the parts' numbers.
 *   <li>{@code docs/G/docs-N.json}: the shown values of docs N·chunk to N·chunk+chunk-1, each
 *       {@code [title, text, link, author, sha, date, repo, severity, [types]]}, fetched only for
 *       the results on screen. The text is what snippets are taken from ({@link
 *       CommitDoc#shown}); the link is "" for the anchor of the SHA's first 7 digits in the
 *       report of the date, an anchor there, or a URL ({@link #link}).
 * </ul>
 *
 * Everything is written in a fixed order, so the same index gives the same bytes, whichever
 * parts were kept. The site publishes each file compressed, as {@code NAME.gz} ({@link
 * PublishedFile}); the names above are the export's.
 */
public final class StaticExport {

  /** Changes with the file format. */
  public static final int FORMAT = 13;
  /**
   * Documents per {@code docs-N.json}. The ten results a query shows are often ten chunks apart
   * (ids run by time), so a chunk's other documents are mostly fetched for nothing: 4 rather than
   * 8 cut a first query's text by about half, for twice as many (small) files, and 3 rather than
   * 4 a further quarter, for a third more, which pays for the search script's reading of split
   * terms ({@link TermSplit}) in every first query.
   */
  public static final int CHUNK = 3;
  /**
   * Files of a numbered kind ({@code docs-N.json}, {@code big-K.json}, {@code tail-K.json}) per
   * folder: a part of an archive of hundreds of thousands of commits has tens of thousands of
   * chunks, too many for one folder of a repository or a host.
   */
  public static final int PER_FOLDER = 1000;
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
  /**
   * A text term whose postings in a part are longer than this many bytes is written as a head
   * and a tail ({@link TermSplit}): a query for a frequent word loads the head, a few thousand
   * of its documents, and the tail only when the head cannot prove the results.
   */
  static final int SPLIT = 48_000;
  /** The keyword fields written a file per value, {@code field-F-K.json}. */
  static final List<String> VALUE_FIELDS = List.of("repo", "severity", "type");
  /** The keyword fields written a file per field, {@code field-F.json}. */
  static final List<String> FIELD_FILES = List.of("date", "year", "month");

  private StaticExport() {}

  /** What was written. */
  public record Result(int files, long bytes) {}

  /** The export's files: terms shard {@code s}, of the text and keyword terms. */
  static String termsFile(int s) {
    return "terms-" + s + ".json";
  }

  /** Positions shard {@code s}, fetched for phrases only. */
  static String posFile(int s) {
    return "pos-" + s + ".json";
  }

  /** The tail of split term {@code k} ({@link TermSplit}). */
  static String tailFile(int k) {
    return numbered("tail", k);
  }

  /** Spilled postings list {@code k}, too long for its shard. */
  static String bigFile(int k) {
    return numbered("big", k);
  }

  /**
   * The k-th file of a numbered kind: {@code kind/G/kind-k.json}, G = k / {@link #PER_FOLDER}.
   */
  private static String numbered(String kind, int k) {
    return kind + "/" + k / PER_FOLDER + "/" + kind + "-" + k + ".json";
  }

  /** The doc sets of a facet field ({@link #FIELD_FILES}). */
  static String fieldFile(String field) {
    return "field-" + field + ".json";
  }

  /** The doc set of the k-th value of a field of {@link #VALUE_FIELDS} in a part. */
  static String valueFile(String field, int k) {
    return "field-" + field + "-" + k + ".json";
  }

  /** The words of the spelling vocabulary that begin with {@code letter} and have n letters. */
  static String wordsFile(char letter, int n) {
    return "words-" + letter + n + ".json";
  }

  /**
   * The spelling vocabulary as files ({@code words-Ln.json}) and which of them exist: per first
   * letter, bit n set for each length n.
   */
  record Vocabulary(Map<String, Object> files, Map<String, Integer> lengths) {
    /** The words of a part's documents. */
    static Vocabulary of(IndexReader reader, PartDocs part) throws IOException {
      Map<String, Object> files = new TreeMap<>();
      Map<String, Integer> lengths = new TreeMap<>();
      Terms t = MultiTerms.getTerms(reader, SearchIndex.SPELL);
      TermsEnum te = t == null ? TermsEnum.EMPTY : t.iterator();
      PostingsEnum pe = null;
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        pe = te.postings(pe, PostingsEnum.NONE);
        int docs = 0;
        while (part.next(pe) != DocIdSetIterator.NO_MORE_DOCS) {
          docs++;
        }
        if (docs == 0) {
          continue;
        }
        String word = term.utf8ToString(); // 2 to MAX_SPELLED letters a-z: TextAnalysis.WORDS
        char letter = word.charAt(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) files.computeIfAbsent(
            wordsFile(letter, word.length()), k -> new TreeMap<String, Object>());
        file.put(word, docs);
        lengths.merge(String.valueOf(letter), 1 << word.length(), (a, b) -> a | b);
      }
      return new Vocabulary(files, lengths);
    }
  }

  /** What the documents of chunk {@code c} show: ids {@code [c * CHUNK, (c + 1) * CHUNK)}. */
  public static String docsFile(int c) {
    return numbered("docs", c);
  }

  /**
   * The shard of a key of {@code terms-N.json} or {@code pos-N.json}: FNV-1a (32 bits) of its
   * UTF-8 bytes, modulo the shard count. An {@code author:} key goes where the first term of its
   * name (analyzed as a query) goes: every word of a query looks up its {@code author:} key (a
   * name finds its commits), and so finds it in a shard it loads for its own terms.
   */
  public static int shard(String key, int shards) {
    if (key.startsWith(AUTHOR_KEY)) {
      List<TextAnalysis.Token> name = TextAnalysis.analyze(key.substring(AUTHOR_KEY.length()),
          TextAnalysis.Mode.QUERY);
      if (!name.isEmpty()) {
        key = name.get(0).term();
      }
    }
    int h = 0x811c9dc5;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return Integer.remainderUnsigned(h, shards);
  }

  private static final String AUTHOR_KEY = SearchIndex.AUTHOR + ":";

  /** Where the exported files go: a name ({@code meta.json}) and its bytes, in a fixed order. */
  @FunctionalInterface
  public interface Sink {
    /** A file of the export, named relative to the export's folder ({@code 2024-12/terms-3.json}). */
    void file(String name, byte[] bytes) throws IOException;

    /**
     * The summary {@link #made} was given for the part in folder {@code dir} made under {@code
     * key}, or null. Asked before any file of the part is given.
     */
    default byte[] summary(String dir, String key) throws IOException {
      return null;
    }

    /**
     * Keeps the files of the part in folder {@code dir} as they were published, if they are all
     * there as made under {@code key}; false: the export makes them.
     */
    default boolean keep(String dir, String key) throws IOException {
      return false;
    }

    /** The part in {@code dir} was made under {@code key}; {@code summary} is for {@link #kept}. */
    default void made(String dir, String key, byte[] summary) throws IOException {}

    /**
     * Whether {@link #file} may be called from several threads at once, in no set order (the
     * export then writes its files on every core).
     */
    default boolean concurrent() {
      return false;
    }
  }

  /** Reads the index in {@code indexDir} and gives the static files to {@code sink}. */
  public static Result write(Path indexDir, Sink sink) throws IOException {
    return write(indexDir, sink, SPLIT);
  }

  /**
   * The same, splitting the text terms whose postings in a part are longer than {@code split}
   * bytes (tests lower it: the shipped week has no term that long).
   */
  static Result write(Path indexDir, Sink sink, int split) throws IOException {
    try (Directory d = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(d)) {
      return write(reader, sink, split);
    }
  }

  static Result write(DirectoryReader reader, Sink sink) throws IOException {
    return write(reader, sink, SPLIT);
  }

  static Result write(DirectoryReader reader, Sink sink, int split) throws IOException {
    if (reader.hasDeletions()) {
      // Deleted documents still count in the statistics; SearchIndex merges them away.
      throw new IllegalStateException("the search index has deleted documents");
    }
    ExportOrder order = ExportOrder.of(reader);
    Output out = new Output(sink);
    List<PartMeta> parts = new ArrayList<>();
    for (Part part : Part.of(order)) {
      String key = part.key(order, schema(reader), split);
      byte[] summary = key == null ? null : sink.summary(part.dir(), key);
      PartMeta made = summary == null ? null : PartMeta.read(summary);
      if (made == null || !sink.keep(part.dir(), key)) {
        made = writePart(reader, order, part, out, split);
        sink.made(part.dir(), key, made.bytes());
      }
      parts.add(made);
    }
    ExportFacets values = new ExportFacets();
    for (PartMeta part : parts) {
      values.repos.addAll(part.repos());
      values.severities.addAll(part.severities());
      values.types.addAll(part.types());
      values.years.addAll(part.years());
    }
    out.file("meta.json", ExportJson.bytes(meta(new IndexSearcher(reader), reader.maxDoc(),
        parts, values)));
    return new Result(out.count, out.bytes);
  }

  /**
   * Only {@code meta.json}, listing no part: for a site whose search page asks OpenSearch
   * ({@code search.opensearch-public}), which reads the words and facet values of {@code
   * meta.json} and nothing else of the static index.
   */
  public static Result writeMeta(Path indexDir, Sink sink) throws IOException {
    try (Directory d = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(d)) {
      ExportFacets values = new ExportFacets();
      Set<String> shown = Set.of(SearchIndex.SHOW + SearchIndex.REPO,
          SearchIndex.SHOW + SearchIndex.SEVERITY, SearchIndex.SHOW + SearchIndex.TYPE,
          SearchIndex.SHOW + SearchIndex.DATE);
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(shown);
          stored.document(doc, visitor);
          // Only the values are written, not the doc sets: every document is marked as doc 0.
          values.add(visitor.getDocument(), 0);
        }
      }
      Output out = new Output(sink);
      out.file("meta.json", ExportJson.bytes(meta(new IndexSearcher(reader), reader.maxDoc(),
          List.of(), values)));
      return new Result(out.count, out.bytes);
    }
  }

  /**
   * A part of the export: the documents with exported ids {@code from .. from + n - 1}, whose
   * files are in folder {@code dir} and number them from 0 ({@code local id = id - from}).
   */
  public record Part(String dir, int from, int n) {
    /**
     * The parts of an export: the documents of the newest one's month (its report's date) and,
     * before them, all the older ones; each folder is named by the month of its first document.
     * A new day in the same month changes only the newest part; the first day of a month remakes
     * both.
     */
    static List<Part> of(ExportOrder order) {
      int n = order.size();
      if (n == 0) {
        return List.of();
      }
      String newest = month(order, n - 1);
      int recent = n;
      while (recent > 0 && month(order, recent - 1).compareTo(newest) >= 0) {
        recent--;
      }
      String older = month(order, 0);
      if (recent == 0 || older.equals(month(order, recent))) {
        return List.of(new Part(older + "/", 0, n));
      }
      return List.of(new Part(older + "/", 0, recent), new Part(month(order, recent) + "/",
          recent, n - recent));
    }

    /** The month of a document's report, {@code 2024-12}. */
    private static String month(ExportOrder order, int e) {
      String date = order.date(e);
      return date.length() >= 7 ? date.substring(0, 7) : "undated";
    }

    /**
     * What the part's files are made from, or null when that cannot be told: the index's schema,
     * the part's place, and the reports of every document up to its end ({@link
     * ExportOrder#digests}; the documents before it decide where its ids start). Null when two
     * documents tie in the order, which Lucene may then change.
     */
    String key(ExportOrder order, String schema, int split) {
      if (order.ties || !order.reportsKnown()) {
        return null;
      }
      return FORMAT + " " + TextAnalysis.VERSION + " " + schema + " " + dir + " " + from + " " + n
          + " " + split + " " + order.digest(from + n);
    }

    boolean has(int id) {
      return id >= from && id < from + n;
    }
  }

  /**
   * What {@code meta.json} says of a part: where it is, its ids, its shard counts, which
   * spelling files it has ({@link Vocabulary#lengths}) and its facet values.
   */
  record PartMeta(String dir, int from, int n, int shards, int posShards,
      Map<String, Integer> spell, List<String> repos, List<String> severities,
      List<String> types, List<String> years, List<String> dates) {

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dir", dir);
      m.put("from", from);
      m.put("n", n);
      m.put("shards", shards);
      m.put("posShards", posShards);
      m.put("spell", spell);
      m.put("repos", repos);
      m.put("severities", severities);
      m.put("types", types);
      m.put("dates", dates);
      return m;
    }

    byte[] bytes() {
      Map<String, Object> m = json();
      m.put("years", years);
      return ExportJson.bytes(m);
    }

    /** The summary {@link #bytes} gave, or null when it cannot be read. */
    @SuppressWarnings("unchecked")
    static PartMeta read(byte[] bytes) {
      try {
        Map<String, Object> m = (Map<String, Object>) ExportJson.read(bytes);
        Map<String, Integer> spell = new TreeMap<>();
        ((Map<String, Object>) m.get("spell")).forEach((k, v) -> spell.put(k, (Integer) v));
        return new PartMeta((String) m.get("dir"), (Integer) m.get("from"), (Integer) m.get("n"),
            (Integer) m.get("shards"), (Integer) m.get("posShards"), spell,
            strings(m.get("repos")), strings(m.get("severities")), strings(m.get("types")),
            strings(m.get("years")), strings(m.get("dates")));
      } catch (RuntimeException damaged) {
        return null;
      }
    }

    private static List<String> strings(Object list) {
      return ((List<?>) list).stream().map(String.class::cast).toList();
    }
  }

  /** Gives files to a sink and sums up what it was given. */
  static final class Output {
    private static final int BATCH = 1024;
    private final Sink sink;
    int count;
    long bytes;

    Output(Sink sink) {
      this.sink = sink;
    }

    void file(String name, byte[] content) throws IOException {
      sink.file(name, content);
      synchronized (this) {
        count++;
        bytes += content.length;
      }
    }

    /**
     * Many files, made into JSON on every core: given to a {@link Sink#concurrent} sink from
     * those threads, else a batch at a time, in order, from this thread.
     */
    void values(Map<String, Object> files) throws IOException {
      List<Map.Entry<String, Object>> all = new ArrayList<>(files.entrySet());
      if (sink.concurrent()) {
        Parallel.map(all, e -> {
          file(e.getKey(), ExportJson.bytes(e.getValue()));
          return null;
        });
        return;
      }
      for (int from = 0; from < all.size(); from += BATCH) {
        List<Map.Entry<String, Object>> batch =
            all.subList(from, Math.min(all.size(), from + BATCH));
        List<byte[]> made = Parallel.map(batch, e -> ExportJson.bytes(e.getValue()));
        for (int i = 0; i < batch.size(); i++) {
          file(batch.get(i).getKey(), made.get(i));
        }
      }
    }
  }

  /**
   * What the stored fields of some documents give the export: their facets and the SHA terms
   * ({@code sha:abcd} to each doc's rest of the SHA).
   */
  private record StoredPart(ExportFacets facets, Map<String, TreeMap<Integer, String>> shas) {}

  /** Makes every file of one part of the export from the index; returns what meta.json needs. */
  static PartMeta writePart(DirectoryReader reader, ExportOrder order, Part part, Output out,
      int split) throws IOException {
    int n = part.n();
    int[] local = new int[reader.maxDoc()]; // Lucene doc -> id in the part, or -1
    for (int doc = 0; doc < local.length; doc++) {
      int e = order.id[doc];
      local[doc] = part.has(e) ? e - part.from() : -1;
    }
    PartDocs partDocs = new PartDocs(reader, local);

    Map<String, Object> terms = new TreeMap<>();
    Map<String, Object> positions = new TreeMap<>();
    List<Object> tails = new ArrayList<>();
    Set<String> heads = new TreeSet<>(); // the split terms, written as heads
    String[] combo = new String[n]; // severity and types of each doc of the part
    Object[][] shown = new Object[n][];
    // The stored fields are read a segment at a time on every core, and the postings beside
    // them: each step writes only its own slots and maps, merged below in a fixed order.
    List<LeafReaderContext> leaves = reader.leaves();
    List<Integer> steps = IntStream.rangeClosed(0, leaves.size()).boxed().toList();
    List<StoredPart> parts = Parallel.map(steps, step -> {
      if (step == leaves.size()) {
        // The newest part, when older ones precede it, says what they hold of its text terms.
        boolean newestOfSeveral = part.from() > 0 && part.from() + n == order.size();
        postings(reader, partDocs, n, newestOfSeveral, terms, positions, tails, heads, split);
        return null;
      }
      return stored(leaves.get(step), local, combo, shown);
    });
    ExportFacets facets = new ExportFacets();
    Map<String, TreeMap<Integer, String>> shas = new TreeMap<>();
    for (StoredPart stored : parts.subList(0, leaves.size())) {
      facets.addAll(stored.facets());
      stored.shas().forEach((term, rests) ->
          shas.computeIfAbsent(term, k -> new TreeMap<>()).putAll(rests));
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

    // A query loads a term's shard from every part it can match (and the newest): sized by the
    // part's share of the documents, the shards it loads add up to about one of the whole, and a
    // small part has small files.
    // The share is of the documents up to the part's end, which its key covers: a kept part has
    // the shards a cold build would give it.
    long target = Math.max(SHARD_TARGET / 8, (long) SHARD_TARGET * n / (part.from() + n));
    List<Object> spilled = new ArrayList<>();
    List<Map<String, Object>> byShard = shards(terms, spilled, target, heads);
    List<Map<String, Object>> byPosShard = shards(positions, spilled, target, heads);

    Vocabulary vocabulary = Vocabulary.of(reader, partDocs);
    String dir = part.dir();
    Map<String, Object> files = new LinkedHashMap<>();
    for (int s = 0; s < byShard.size(); s++) {
      files.put(dir + termsFile(s), byShard.get(s));
    }
    for (int s = 0; s < byPosShard.size(); s++) {
      files.put(dir + posFile(s), byPosShard.get(s));
    }
    for (int k = 0; k < spilled.size(); k++) {
      files.put(dir + bigFile(k), spilled.get(k));
    }
    for (int k = 0; k < tails.size(); k++) {
      files.put(dir + tailFile(k), tails.get(k));
    }
    files.put(dir + "facets.json", ExportCodec.facetCodes(combo));
    for (String f : VALUE_FIELDS) {
      int k = 0; // the sets are in the order of the values the part lists (both sorted)
      for (BitSet set : facets.sets.get(f).values()) {
        files.put(dir + valueFile(f, k++), new ExportJson.Raw(ExportCodec.docSet(set)));
      }
    }
    for (String f : FIELD_FILES) {
      files.put(dir + fieldFile(f), facets.fieldFile(f));
    }
    vocabulary.files().forEach((name, words) -> files.put(dir + name, words));
    List<Object[]> shownList = Arrays.asList(shown);
    for (int c = 0; c * CHUNK < n; c++) {
      files.put(dir + docsFile(c), shownList.subList(c * CHUNK, Math.min(n, c * CHUNK + CHUNK)));
    }
    out.values(files);
    List<String> dates = List.copyOf(facets.sets.get("date").keySet()); // sorted
    return new PartMeta(dir, part.from(), n, byShard.size(), byPosShard.size(),
        vocabulary.lengths(), List.copyOf(facets.repos), List.copyOf(facets.severities),
        List.copyOf(facets.types), List.copyOf(facets.years),
        List.of(dates.get(0), dates.get(dates.size() - 1)));
  }

  /** Reads the stored fields of a segment's documents into their exported slots. */
  private static StoredPart stored(LeafReaderContext leaf, int[] local, String[] combo,
      Object[][] shown) throws IOException {
    int maxDoc = leaf.reader().maxDoc();
    long wanted = IntStream.range(0, maxDoc).filter(d -> local[leaf.docBase + d] >= 0).count();
    // Most of a segment: read it in order with the reader a merge uses, which decompresses each
    // block of documents once, where the reader for searches decompresses a block for every
    // document it gives (the better one for a few documents).
    StoredFields stored = wanted * 2 > maxDoc && leaf.reader() instanceof CodecReader codec
        ? codec.getFieldsReader().getMergeInstance() : leaf.reader().storedFields();
    ExportFacets facets = new ExportFacets();
    Map<String, TreeMap<Integer, String>> shas = new TreeMap<>();
    for (int d = 0; d < maxDoc && wanted > 0; d++) {
      int e = local[leaf.docBase + d];
      if (e < 0) {
        continue;
      }
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor();
      stored.document(d, visitor);
      Document doc = visitor.getDocument();
      combo[e] = facets.add(doc, e);
      addSha(shas, doc, e);
      shown[e] = shown(doc);
    }
    return new StoredPart(facets, shas);
  }

  /**
   * The postings of the text and keyword fields, as the shards and positions files hold them;
   * with {@code others}, each text term's numbers of documents in the other parts too ({@link
   * #otherParts}).
   */
  private static void postings(IndexReader reader, PartDocs part, int n, boolean others,
      Map<String, Object> terms, Map<String, Object> positions, List<Object> tails,
      Set<String> heads, int split) throws IOException {
    if (n == 0) {
      return;
    }
    int maxDoc = reader.maxDoc();
    String[] text = {SearchIndex.TITLE, SearchIndex.BODY};
    double[] avgdl = new double[2];
    Map<String, int[]> own = others ? new HashMap<>() : null; // term -> its docs here, per field
    for (int f = 0; f < 2; f++) {
      int[] norms = new int[maxDoc];
      NumericDocValues nv = MultiDocValues.getNormValues(reader, text[f]);
      for (int i = 0; nv != null && i < maxDoc; i++) {
        if (part.id(i) >= 0 && nv.advanceExact(i)) {
          norms[i] = Byte.toUnsignedInt((byte) nv.longValue());
        }
      }
      avgdl[f] = TermSplit.averageLength(norms);
      textPostings(reader, text[f], f, part, norms, terms, positions, own);
    }
    split(terms, positions, tails, heads, split, avgdl, n);
    if (others) {
      otherParts(reader, terms, own);
    }
    for (String keyword : KEYWORDS) {
      keywordPostings(reader, keyword, part, others, terms);
    }
  }

  /**
   * Writes each text term whose postings are longer than {@code split} bytes as a head, in its
   * shard, and a tail, {@code tails}' K-th ({@link TermSplit}); its positions then list the
   * head's documents first.
   */
  @SuppressWarnings("unchecked")
  private static void split(Map<String, Object> terms, Map<String, Object> positions,
      List<Object> tails, Set<String> heads, int split, double[] avgdl, int n)
      throws IOException {
    for (Map.Entry<String, Object> e : terms.entrySet()) {
      if (jsonSize(e.getValue()) <= split) {
        continue;
      }
      List<ExportCodec.Packed> lists = (List<ExportCodec.Packed>) (List<?>) e.getValue();
      List<ExportCodec.Packed> pos = (List<ExportCodec.Packed>) positions.get(e.getKey());
      TermSplit.Split s = TermSplit.of(lists, pos, avgdl, n, tails.size());
      if (s != null) {
        e.setValue(s.head());
        positions.put(e.getKey(), s.positions());
        tails.add(s.tail());
        heads.add(e.getKey());
      }
    }
  }

  /**
   * Adds to each text term of the newest part the numbers of documents of the other parts that
   * hold it, {@code [title, body]}, when there are any: BM25 takes a term's document frequency
   * over the whole index, and a query that cannot match the other parts (a date filter) then
   * reads no file of theirs for a term the newest part holds. A term without them is in no other
   * part. The newest part is made again whenever any document changes (its key covers them all).
   *
   * @param own each text term's number of documents in this part, per field
   */
  @SuppressWarnings("unchecked")
  private static void otherParts(IndexReader reader, Map<String, Object> terms,
      Map<String, int[]> own) throws IOException {
    // The terms in order, each field's enum seeking forward (one enum: a seek per term and
    // segment, not an enum of every segment per term as IndexReader.docFreq makes).
    List<String> sorted = new ArrayList<>(new TreeSet<>(own.keySet()));
    int[][] whole = new int[2][sorted.size()];
    String[] fields = {SearchIndex.TITLE, SearchIndex.BODY};
    for (int f = 0; f < 2; f++) {
      Terms t = MultiTerms.getTerms(reader, fields[f]);
      TermsEnum te = t == null ? null : t.iterator();
      for (int i = 0; te != null && i < sorted.size(); i++) {
        whole[f][i] = te.seekExact(new BytesRef(sorted.get(i))) ? te.docFreq() : 0;
      }
    }
    for (int i = 0; i < sorted.size(); i++) {
      String term = sorted.get(i);
      int title = whole[0][i] - own.get(term)[0];
      int body = whole[1][i] - own.get(term)[1];
      if (title > 0 || body > 0) {
        List<Object> value = new ArrayList<>((List<Object>) terms.get(term));
        value.add(List.of(title, body));
        terms.put(term, value);
      }
    }
  }

  /** The keyword fields exported as terms {@code field:value}. */
  static final List<String> KEYWORDS = List.of(SearchIndex.AUTHOR, SearchIndex.PATH);

  /** The index's schema line, which says what its documents are made of; empty if none. */
  static String schema(DirectoryReader reader) throws IOException {
    String schema = reader.getIndexCommit().getUserData().get(SearchIndex.SCHEMA_KEY);
    return schema == null ? "" : schema;
  }

  /**
   * Files a document's SHA under its term: {@code sha:} and the first four digits, to exported id
   * {@code e} and the next three ({@link #shaTerm}, {@link #shaRest}). A SHA shorter than four
   * digits has no term.
   */
  static void addSha(Map<String, TreeMap<Integer, String>> shas, Document doc, int e) {
    String low = doc.get(SearchIndex.SHOW + SearchIndex.SHA).toLowerCase(Locale.ROOT);
    if (low.length() >= 4) {
      shas.computeIfAbsent(shaTerm(low), k -> new TreeMap<>()).put(e, shaRest(low));
    }
  }

  /** The term of a SHA (lower case, at least four digits): {@code sha:} and its first four. */
  static String shaTerm(String lowSha) {
    return "sha:" + lowSha.substring(0, 4);
  }

  /** The digits of a SHA its term's postings keep: the next three. */
  static String shaRest(String lowSha) {
    return lowSha.substring(4, Math.min(7, lowSha.length()));
  }

  /**
   * What {@code docs-N.json} shows of a document: {@code [title, text, link, author, sha, date,
   * repo, severity, [types]]}. The repository, severity and types are the row's own: a result
   * list does not load the facets' files, which hold them for every document.
   */
  static Object[] shown(Document doc) {
    String sha = doc.get(SearchIndex.SHOW + SearchIndex.SHA);
    String date = doc.get(SearchIndex.SHOW + SearchIndex.DATE);
    List<String> types = Arrays.stream(doc.getFields(SearchIndex.SHOW + SearchIndex.TYPE))
        .map(IndexableField::stringValue).toList();
    return new Object[] {doc.get(SearchIndex.SHOW + SearchIndex.TITLE),
        doc.get(SearchIndex.SHOW + SearchIndex.BODY),
        link(doc.get(SearchIndex.SHOW + "url"), date, sha),
        doc.get(SearchIndex.SHOW + SearchIndex.AUTHOR), sha, date,
        doc.get(SearchIndex.SHOW + SearchIndex.REPO),
        doc.get(SearchIndex.SHOW + SearchIndex.SEVERITY), types};
  }

  /**
   * What a row holds of a commit's URL: nothing ("") for the anchor of its SHA's first 7 digits
   * in the report of its date ({@link ReportPaths#page}), which nearly all are; the anchor alone
   * for another anchor there (a longer SHA, a repository's prefix: {@code Anchors}); else the
   * URL whole. An anchor holds no '#', a URL does.
   */
  static String link(String url, String date, String sha) {
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      return url;
    }
    String page = ReportPaths.page(day) + "#";
    if (!url.startsWith(page) || url.indexOf('#', page.length()) >= 0) {
      return url;
    }
    String anchor = url.substring(page.length());
    return anchor.equals(sha.substring(0, Math.min(7, sha.length()))) ? "" : anchor;
  }

  /** {@code meta.json} (see the class comment). */
  static Map<String, Object> meta(IndexSearcher searcher, int maxDoc, List<PartMeta> parts,
      ExportFacets values) throws IOException {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("analyzer", TextAnalysis.VERSION);
    meta.put("k1", Ranking.K1);
    meta.put("b", Ranking.B);
    meta.put("titleBoost", Ranking.TITLE_BOOST);
    meta.put("bodyBoost", Ranking.BODY_BOOST);
    meta.put("nameScore", Ranking.NAME_SCORE);
    meta.put("labelScore", Ranking.LABEL_SCORE);
    meta.put("shaScore", Ranking.SHA_SCORE);
    meta.put("n", maxDoc);
    meta.put("parts", parts.stream().map(PartMeta::json).toList());
    meta.put("chunk", CHUNK);
    meta.put("perFolder", PER_FOLDER);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String f : List.of(SearchIndex.TITLE, SearchIndex.BODY)) {
      CollectionStatistics cs = maxDoc == 0 ? null : searcher.collectionStatistics(f);
      fields.put(f, cs == null ? List.of(0, 0) : List.of(cs.docCount(), cs.sumTotalTermFreq()));
    }
    meta.put("fields", fields);
    meta.put("repos", List.copyOf(values.repos));
    meta.put("severities", List.copyOf(values.severities));
    meta.put("types", List.copyOf(values.types));
    meta.put("years", List.copyOf(values.years));
    meta.put("words", ArchiveWords.export());
    return meta;
  }

  /** What a term adds to the total that decides the shard count. */
  static long weight(String term, int valueSize) {
    return term.getBytes(StandardCharsets.UTF_8).length + (valueSize > BIG ? 8 : valueSize) + 4;
  }

  /** The fewest shards (a power of two, at most {@link #MAX_SHARDS}) for this byte total. */
  static int shardCount(long total, long target) {
    int shards = 1;
    while (shards < MAX_SHARDS && total / shards > target) {
      shards *= 2;
    }
    return shards;
  }

  /**
   * Spreads terms over the fewest shards (a power of two, at most {@link #MAX_SHARDS}) that keep
   * a shard at most {@code target} bytes on average. A term whose value alone is more than
   * {@link #BIG} bytes, or that is split ({@code heads}: a head, however short, is no reason for
   * the queries of the other terms of its shard to load it), goes to a file of its own, {@code
   * big-K.json} (K its place in {@code spilled}), and its shard holds K.
   */
  private static List<Map<String, Object>> shards(Map<String, Object> terms,
      List<Object> spilled, long target, Set<String> heads) throws IOException {
    Map<String, Object> kept = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Object> e : terms.entrySet()) {
      int size = heads.contains(e.getKey()) ? BIG + 1 : jsonSize(e.getValue());
      Object value = e.getValue();
      if (size > BIG) {
        value = spilled.size();
        spilled.add(e.getValue());
      }
      kept.put(e.getKey(), value);
      total += weight(e.getKey(), size);
    }
    int shards = shardCount(total, target);
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
   * The length of the JSON of a term's value. Packed lists (one, or a list of two) are counted,
   * not written: their digits need no escapes and take a byte each.
   */
  private static int jsonSize(Object value) throws IOException {
    if (value instanceof ExportCodec.Packed p) {
      return p.length() + 2;
    }
    if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof ExportCodec.Packed a
        && l.get(1) instanceof ExportCodec.Packed b) {
      return a.length() + b.length() + 7; // ["a","b"]
    }
    return ExportJson.bytes(value).length;
  }

  @SuppressWarnings("unchecked")
  private static void textPostings(IndexReader reader, String field, int slot, PartDocs part,
      int[] norms, Map<String, Object> out, Map<String, Object> outPositions,
      Map<String, int[]> own) throws IOException {
    Terms t = MultiTerms.getTerms(reader, field);
    if (t == null) {
      return;
    }
    TermsEnum te = t.iterator();
    PostingsEnum pe = null;
    Postings p = new Postings();
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      pe = te.postings(pe, PostingsEnum.POSITIONS);
      p.clear();
      for (int doc = part.next(pe); doc != DocIdSetIterator.NO_MORE_DOCS; doc = part.next(pe)) {
        int freq = pe.freq();
        int at = p.add(part.id(doc), 2 + freq);
        p.values[at] = norms[doc];
        p.values[at + 1] = freq;
        int lastPos = 0;
        for (int k = 0; k < freq; k++) {
          int pos = pe.nextPosition();
          p.values[at + 2 + k] = pos - lastPos;
          lastPos = pos;
        }
      }
      if (p.count == 0) {
        continue; // not in this part
      }
      String key = term.utf8ToString();
      if (own != null) {
        own.computeIfAbsent(key, k -> new int[2])[slot] = p.count;
      }
      // In exported-id order: docDelta, norm, freq for each doc; the positions apart.
      ExportCodec.Packer list = new ExportCodec.Packer();
      ExportCodec.Packer positions = new ExportCodec.Packer();
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
          k -> new ArrayList<>(List.of(ExportCodec.Packed.EMPTY, ExportCodec.Packed.EMPTY)));
      both.set(slot, list.packed());
      List<Object> bothPos = (List<Object>) outPositions.computeIfAbsent(key,
          k -> new ArrayList<>(List.of(ExportCodec.Packed.EMPTY, ExportCodec.Packed.EMPTY)));
      bothPos.set(slot, positions.packed());
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

  /**
   * The terms {@code field:value} of a keyword field with their docs in the part; with {@code
   * others}, an author of the other parts alone too, without docs: whether a word is an author's
   * name decides whether it is spelled ({@link Spelling}), and a query that cannot match the
   * other parts then reads none of their files for it.
   */
  private static void keywordPostings(IndexReader reader, String field, PartDocs part,
      boolean others, Map<String, Object> out) throws IOException {
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
      for (int doc = part.next(pe); doc != DocIdSetIterator.NO_MORE_DOCS; doc = part.next(pe)) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, n * 2);
        }
        ids[n++] = part.id(doc);
      }
      String key = field + ":" + term.utf8ToString();
      if (n == 0) {
        if (others && field.equals(SearchIndex.AUTHOR)) {
          out.put(key, ExportCodec.Packed.EMPTY);
        }
        continue; // not in this part
      }
      Arrays.sort(ids, 0, n);
      ExportCodec.Packer list = new ExportCodec.Packer();
      int lastDoc = 0;
      for (int i = 0; i < n; i++) {
        list.add(ids[i] - lastDoc);
        lastDoc = ids[i];
      }
      out.put(key, list.packed());
    }
  }
}
