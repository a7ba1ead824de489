package dev.daybook.search;

import dev.daybook.concurrent.Parallel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexReader;
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
 *   <li>{@code meta.json}: constants only: the format, the BM25 constants and the scores of a
 *       word's author, type, severity and SHA matches ({@link Ranking}), the analyzer version, the number of documents, of shards and of docs per chunk, the collection
 *       statistics of {@code title} and {@code body} exactly as Lucene's {@code
 *       IndexSearcher.collectionStatistics} gives them, the table decoding a norm byte to a field
 *       length ({@code SmallFloat.byte4ToInt}, as BM25 decodes it), and the values of the facets
 *       ({@code repos}, {@code severities}, {@code types}, {@code years}), the words that
 *       name each type and severity ({@code words}, see {@link ArchiveWords#export}), and which
 *       {@code words-Ln.json} exist ({@code spell}).
 *   <li>{@code terms-N.json}, N = {@link #shard}(term) of {@code shards} (an {@code author:} term
 *       goes with the first term of the name): an object from term to
 *       postings. A text term has {@code [title, body]}, each a flat list {@code docDelta, norm,
 *       freq, ...} (deltas from the previous doc id, starting at 0; norm is the field's norm
 *       byte, 0..255, which {@code lengths} decodes), {@linkplain ExportCodec.Packer packed}
 *       into a string. A keyword term is written {@code field:value} ({@code author:},
 *       {@code path:}) and has the packed list of its doc id deltas; {@code sha:xxxx} (the first four hex
 *       digits of a SHA) has {@code [docDeltas, [the next three digits]]}. Text terms never hold
 *       ':', so the two cannot meet.
 *   <li>{@code pos-N.json}, N = {@link #shard}(term) of {@code posShards}: the positions of a text
 *       term, {@code [title, body]}, each a packed list of position deltas (from 0 in each doc), freq
 *       of them per doc in the order of its postings; loaded only for phrases.
 *   <li>{@code big-K.json}: the value of one term whose postings or positions are longer than
 *       {@link #BIG} bytes; its shard holds K instead.
 *   <li>{@code facets.json}: the severity and types of every doc as one code each (see {@link
 *       ExportCodec#facetCodes}), a character or two per doc, for the facets of a result list.
 *   <li>{@code field-F.json} for F in repo, severity, type, date, year, month: an object from a value
 *       (a repo as shown; the browser finds the repos an owner or a name filter means in {@code
 *       repos}) to its set of doc ids, written whichever way is
 *       shortest: {@code {"d": docDeltas}}, {@code {"r": [gap, length, ...]}} (runs) or {@code
 *       {"b": base64}} (a bitset, bit i of byte i/8 least significant first). Loaded for a
 *       filter on F; repo, year and month also for the facets of a result list.
 *   <li>{@code words-Ln.json}: the spelling vocabulary ({@link Spelling}), the words of {@link
 *       SearchIndex#SPELL} that begin with letter L and have n letters, each with the number of
 *       commits that hold it, {@code {"cache": 18, ...}}; {@code meta.json}'s {@code spell} says
 *       which exist (per letter, bit n of a number). Loaded only for a query word that matches
 *       nothing: the words one or two edits away, of its first letter and lengths n-2 to n+2.
 *   <li>{@code docs-N.json}: the shown values of docs N·chunk to N·chunk+chunk-1, each
 *       {@code [title, body, url, author, sha, date, repo, severity, [types]]}, fetched only for
 *       the results on screen.
 * </ul>
 *
 * Everything is written in a fixed order, so the same index gives the same bytes.
 *
 * <p><b>Updates.</b> A new day adds documents at the end of the id order; {@link #update} then
 * extends the last export ({@link AppendExport}) from the state it left ({@link ExportState}) and
 * the files it saved ({@link Sink#save}; never the published ones), making again only what the
 * new documents touch, with the bytes the full export would give. Whenever that cannot be proven,
 * it makes the full export.
 */
public final class StaticExport {

  /** Changes with the file format. */
  public static final int FORMAT = 6;
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
  static final List<String> FIELD_FILES =
      List.of("repo", "severity", "type", "date", "year", "month");

  private StaticExport() {}

  /** What was written. */
  public record Result(int files, long bytes) {}

  /**
   * What {@link #update} did.
   *
   * @param state what the next update needs to extend this export (see {@link ExportState})
   * @param appended whether only what the new documents touch was made again
   */
  public record Export(Result result, byte[] state, boolean appended) {}

  /** The export's files: terms shard {@code s}, of the text and keyword terms. */
  static String termsFile(int s) {
    return "terms-" + s + ".json";
  }

  /** Positions shard {@code s}, fetched for phrases only. */
  static String posFile(int s) {
    return "pos-" + s + ".json";
  }

  /** Spilled postings list {@code k}, too long for its shard. */
  static String bigFile(int k) {
    return "big-" + k + ".json";
  }

  /** The doc sets of a facet field ({@link #FIELD_FILES}). */
  static String fieldFile(String field) {
    return "field-" + field + ".json";
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
    static Vocabulary of(IndexReader reader) throws IOException {
      Map<String, Object> files = new TreeMap<>();
      Map<String, Integer> lengths = new TreeMap<>();
      Terms t = MultiTerms.getTerms(reader, SearchIndex.SPELL);
      TermsEnum te = t == null ? TermsEnum.EMPTY : t.iterator();
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        String word = term.utf8ToString(); // 2 to MAX_SPELLED letters a-z: TextAnalysis.WORDS
        char letter = word.charAt(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) files.computeIfAbsent(
            wordsFile(letter, word.length()), k -> new TreeMap<String, Object>());
        file.put(word, te.docFreq());
        lengths.merge(String.valueOf(letter), 1 << word.length(), (a, b) -> a | b);
      }
      return new Vocabulary(files, lengths);
    }
  }

  /** What the documents of chunk {@code c} show: ids {@code [c * CHUNK, (c + 1) * CHUNK)}. */
  static String docsFile(int c) {
    return "docs-" + c + ".json";
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
    void file(String name, byte[] bytes) throws IOException;

    /**
     * Keeps the previous export's file of this name, which has this size and the bytes this
     * export would give it. Only {@link #update} keeps files.
     */
    default void keep(String name, long size) throws IOException {
      throw new UnsupportedOperationException("this sink cannot keep " + name);
    }

    /**
     * Saves a file for the next export to extend ({@link Previous#read}): every file but {@code
     * docs-N.json}, named by an id of its name and bytes. Only {@link #update} needs them.
     */
    default void save(String id, byte[] bytes) throws IOException {}

    /** The file an earlier export saved under this id is still part of this one: keep it. */
    default void saved(String id) {}

    /**
     * Whether {@link #file} may be called from several threads at once, in no set order (a full
     * export then writes its files on every core).
     */
    default boolean concurrent() {
      return false;
    }
  }

  /** What the previous export left: the files it saved, and the site that holds them all. */
  public interface Previous {
    /** The bytes a sink {@linkplain Sink#save saved} under this id, or null when it has none. */
    byte[] read(String id) throws IOException;

    /** Whether the published site has a file of this name and size. */
    boolean has(String name, long size) throws IOException;
  }

  /** Reads the index in {@code indexDir} and gives the static files to {@code sink}. */
  public static Result write(Path indexDir, Sink sink) throws IOException {
    return update(indexDir, null, null, sink).result();
  }

  /**
   * Like {@link #write}, but when {@code lastState} (what the last update returned) and the
   * previous files prove that the index only gained documents at the end of the export's id
   * order, only the files those documents touch are made again and the others kept (see {@link
   * AppendExport}); the files are the same bytes either way.
   *
   * @param lastState the last update's {@link Export#state}, or null
   * @param previous the last update's files, or null
   */
  public static Export update(Path indexDir, byte[] lastState, Previous previous, Sink sink)
      throws IOException {
    try (Directory d = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(d)) {
      return update(reader, lastState, previous, sink);
    }
  }

  static Export update(DirectoryReader reader, byte[] lastState, Previous previous, Sink sink)
      throws IOException {
    if (reader.hasDeletions()) {
      // Deleted documents still count in the statistics; SearchIndex merges them away.
      throw new IllegalStateException("the search index has deleted documents");
    }
    ExportOrder order = ExportOrder.of(reader);
    ExportState last = previous == null ? null : ExportState.parse(lastState);
    AppendExport append = last == null ? null : AppendExport.plan(reader, order, last, previous);
    Output out = new Output(sink);
    ExportState state = append != null ? append.write(out) : writeAll(reader, order, out);
    return new Export(new Result(out.count, out.bytes), state.bytes(), append != null);
  }

  /** Gives files to a sink and sums up what it was given. */
  static final class Output {
    private static final int BATCH = 1024;
    private final Sink sink;
    final Map<String, ExportState.Sum> files = new TreeMap<>();
    int count;
    long bytes;

    Output(Sink sink) {
      this.sink = sink;
    }

    void file(String name, byte[] content) throws IOException {
      sink.file(name, content);
      ExportState.Sum sum = ExportState.Sum.of(name, content);
      String id = sum.id(name);
      if (id != null) {
        sink.save(id, content);
      }
      synchronized (this) {
        files.put(name, sum);
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

    void keep(String name, ExportState.Sum sum) throws IOException {
      sink.keep(name, sum.size());
      String id = sum.id(name);
      if (id != null) {
        sink.saved(id);
      }
      files.put(name, sum);
      count++;
      bytes += sum.size();
    }
  }

  /**
   * What the stored fields of some documents give the export: their facets and the SHA terms
   * ({@code sha:abcd} to each doc's rest of the SHA).
   */
  private record StoredPart(ExportFacets facets, Map<String, TreeMap<Integer, String>> shas) {}

  /** The full export: every file made from the whole index. */
  static ExportState writeAll(DirectoryReader reader, ExportOrder order, Output out)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    int maxDoc = reader.maxDoc();
    int[] id = order.id; // Lucene doc -> exported id

    Map<String, Object> terms = new TreeMap<>();
    Map<String, Object> positions = new TreeMap<>();
    Map<String, int[]> lastIds = new HashMap<>(); // of the long postings lists: see LONG
    String[] combo = new String[maxDoc]; // severity and types of each exported doc
    Object[][] shown = new Object[maxDoc][];
    // The stored fields are read a segment at a time on every core, and the postings beside
    // them: each step writes only its own slots and maps, merged below in a fixed order.
    List<LeafReaderContext> leaves = reader.leaves();
    List<Integer> steps = IntStream.rangeClosed(0, leaves.size()).boxed().toList();
    List<StoredPart> parts = Parallel.map(steps, step -> {
      if (step == leaves.size()) {
        postings(reader, id, maxDoc, terms, positions, lastIds);
        return null;
      }
      return stored(leaves.get(step), id, combo, shown);
    });
    ExportFacets facets = new ExportFacets();
    Map<String, TreeMap<Integer, String>> shas = new TreeMap<>();
    for (StoredPart part : parts.subList(0, leaves.size())) {
      facets.addAll(part.facets());
      part.shas().forEach((term, rests) ->
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

    List<Object> spilled = new ArrayList<>();
    List<String> big = new ArrayList<>();
    List<Integer> bigLast = new ArrayList<>();
    Layout byShard = shards(terms, spilled, big, bigLast, lastIds, "t");
    Layout byPosShard = shards(positions, spilled, big, bigLast, Map.of(), "p");
    int shards = byShard.shards().size();
    int posShards = byPosShard.shards().size();

    Vocabulary vocabulary = Vocabulary.of(reader);
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("meta.json", meta(searcher, maxDoc, shards, posShards, facets, vocabulary));
    for (int s = 0; s < shards; s++) {
      files.put(termsFile(s), byShard.shards().get(s));
    }
    for (int s = 0; s < posShards; s++) {
      files.put(posFile(s), byPosShard.shards().get(s));
    }
    for (int k = 0; k < spilled.size(); k++) {
      files.put(bigFile(k), spilled.get(k));
    }
    files.put("facets.json", ExportCodec.facetCodes(combo));
    for (String f : FIELD_FILES) {
      files.put(fieldFile(f), facets.fieldFile(f));
    }
    files.putAll(vocabulary.files());
    List<Object[]> shownList = Arrays.asList(shown);
    for (int c = 0; c * CHUNK < maxDoc; c++) {
      files.put(docsFile(c),
          shownList.subList(c * CHUNK, Math.min(maxDoc, c * CHUNK + CHUNK)));
    }
    out.values(files);
    return new ExportState(schema(reader), maxDoc, order.digests(maxDoc).get(0), shards, posShards,
        byShard.total(), byPosShard.total(), big, bigLast, out.files);
  }

  /** Reads the stored fields of a segment's documents into their exported slots. */
  private static StoredPart stored(LeafReaderContext leaf, int[] id, String[] combo,
      Object[][] shown) throws IOException {
    // Read in order with the reader a merge uses, which decompresses each block of documents
    // once, where the reader for searches decompresses a block for every document it gives.
    StoredFields stored = leaf.reader() instanceof CodecReader codec
        ? codec.getFieldsReader().getMergeInstance() : leaf.reader().storedFields();
    ExportFacets facets = new ExportFacets();
    Map<String, TreeMap<Integer, String>> shas = new TreeMap<>();
    for (int d = 0; d < leaf.reader().maxDoc(); d++) {
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor();
      stored.document(d, visitor);
      Document doc = visitor.getDocument();
      int e = id[leaf.docBase + d];
      combo[e] = facets.add(doc, e);
      addSha(shas, doc, e);
      shown[e] = shown(doc);
    }
    return new StoredPart(facets, shas);
  }

  /** The postings of the text and keyword fields, as the shards and positions files hold them. */
  private static void postings(IndexReader reader, int[] id, int maxDoc,
      Map<String, Object> terms, Map<String, Object> positions, Map<String, int[]> lastIds)
      throws IOException {
    if (maxDoc == 0) {
      return;
    }
    String[] text = {SearchIndex.TITLE, SearchIndex.BODY};
    for (int f = 0; f < 2; f++) {
      int[] norms = new int[maxDoc];
      NumericDocValues nv = MultiDocValues.getNormValues(reader, text[f]);
      for (int i = 0; nv != null && i < maxDoc; i++) {
        if (nv.advanceExact(i)) {
          norms[i] = Byte.toUnsignedInt((byte) nv.longValue());
        }
      }
      textPostings(reader, text[f], f, id, norms, terms, positions, lastIds);
    }
    for (String keyword : KEYWORDS) {
      keywordPostings(reader, keyword, id, terms, lastIds);
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

  /** What {@code docs-N.json} shows of a document. */
  static Object[] shown(Document doc) {
    List<String> docTypes = Arrays.stream(doc.getFields(SearchIndex.SHOW + SearchIndex.TYPE))
        .map(IndexableField::stringValue).toList();
    return new Object[] {doc.get(SearchIndex.SHOW + SearchIndex.TITLE),
        doc.get(SearchIndex.SHOW + SearchIndex.BODY), doc.get(SearchIndex.SHOW + "url"),
        doc.get(SearchIndex.SHOW + SearchIndex.AUTHOR), doc.get(SearchIndex.SHOW + SearchIndex.SHA),
        doc.get(SearchIndex.SHOW + SearchIndex.DATE), doc.get(SearchIndex.SHOW + SearchIndex.REPO),
        doc.get(SearchIndex.SHOW + SearchIndex.SEVERITY), docTypes};
  }

  /** {@code meta.json} (see the class comment). */
  static Map<String, Object> meta(IndexSearcher searcher, int maxDoc, int shards, int posShards,
      ExportFacets facets, Vocabulary vocabulary) throws IOException {
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
    meta.put("shards", shards);
    meta.put("posShards", posShards);
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
    meta.put("repos", List.copyOf(facets.repos));
    meta.put("severities", List.copyOf(facets.severities));
    meta.put("types", List.copyOf(facets.types));
    meta.put("years", List.copyOf(facets.years));
    meta.put("words", ArchiveWords.export());
    meta.put("spell", vocabulary.lengths());
    return meta;
  }

  /** Terms spread over shards, and the byte total that decided how many. */
  record Layout(List<Map<String, Object>> shards, long total) {}

  /** What a term adds to the total that decides the shard count. */
  static long weight(String term, int valueSize) {
    return term.getBytes(StandardCharsets.UTF_8).length + (valueSize > BIG ? 8 : valueSize) + 4;
  }

  /** The fewest shards (a power of two, at most {@link #MAX_SHARDS}) for this byte total. */
  static int shardCount(long total) {
    int shards = 1;
    while (shards < MAX_SHARDS && total / shards > SHARD_TARGET) {
      shards *= 2;
    }
    return shards;
  }

  /**
   * Spreads terms over the fewest shards (a power of two, at most {@link #MAX_SHARDS}) that keep
   * a shard at most {@link #SHARD_TARGET} bytes on average. A term whose value alone is more than
   * {@link #BIG} bytes goes to a file of its own, {@code big-K.json}, and its shard holds K; its
   * name, {@code tag} and the term, goes to {@code big} at K, and the last doc ids of its lists
   * that {@code lastIds} knows to {@code bigLast} (see {@link ExportState#bigLast}).
   */
  private static Layout shards(Map<String, Object> terms, List<Object> spilled, List<String> big,
      List<Integer> bigLast, Map<String, int[]> lastIds, String tag) throws IOException {
    Map<String, Object> kept = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Object> e : terms.entrySet()) {
      int size = jsonSize(e.getValue());
      Object value = e.getValue();
      if (size > BIG) {
        value = spilled.size();
        spilled.add(e.getValue());
        big.add(tag + e.getKey());
        int[] ids = lastIds.get(e.getKey());
        bigLast.add(ids == null ? -1 : ids[0]);
        bigLast.add(ids == null ? -1 : ids[1]);
      }
      kept.put(e.getKey(), value);
      total += weight(e.getKey(), size);
    }
    int shards = shardCount(total);
    List<Map<String, Object>> byShard = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      byShard.add(new TreeMap<>());
    }
    for (Map.Entry<String, Object> e : kept.entrySet()) {
      byShard.get(shard(e.getKey(), shards)).put(e.getKey(), e.getValue());
    }
    return new Layout(byShard, total);
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

  /**
   * A postings list at least this long (in packed digits) has its last doc id kept for the
   * state, should its term spill: reading a spilled list through to find it took most of an
   * update. A shorter one is quick to read.
   */
  static final int LONG = 1000;

  /** Keeps the last doc id of list {@code slot} of a term if the list is {@link #LONG}. */
  private static void keepLast(Map<String, int[]> lastIds, String term, int slot,
      ExportCodec.Packer list, int lastDoc) {
    if (list.length() >= LONG) {
      lastIds.computeIfAbsent(term, k -> new int[] {-1, -1})[slot] = lastDoc;
    }
  }

  @SuppressWarnings("unchecked")
  private static void textPostings(IndexReader reader, String field, int slot, int[] id,
      int[] norms, Map<String, Object> out, Map<String, Object> outPositions,
      Map<String, int[]> lastIds) throws IOException {
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
      keepLast(lastIds, key, slot, list, lastDoc);
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

  private static void keywordPostings(IndexReader reader, String field, int[] id,
      Map<String, Object> out, Map<String, int[]> lastIds) throws IOException {
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
      ExportCodec.Packer list = new ExportCodec.Packer();
      int lastDoc = 0;
      for (int i = 0; i < n; i++) {
        list.add(ids[i] - lastDoc);
        lastDoc = ids[i];
      }
      String key = field + ":" + term.utf8ToString();
      out.put(key, list.packed());
      keepLast(lastIds, key, 0, list, lastDoc);
    }
  }
}
