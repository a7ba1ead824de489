package dev.daybook.search;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.concurrent.Parallel;
import dev.daybook.io.AtomicFiles;
import dev.daybook.io.Sha256;
import dev.daybook.model.DailyReport;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of every reported commit, one document each (see {@link CommitDoc}).
 *
 * <p><b>Where.</b> {@code daybook build} writes it to {@code .daybook/lucene} beside the output
 * folder (a build cache that is not published: the site gets its own static export) or to {@code
 * --index DIR}; {@code daybook search} reads it from there.
 *
 * <p><b>When.</b> The index records a fingerprint in its commit data: a SHA-256 of the index
 * schema, the analyzer version, the default time zone and every report file (relative path and
 * a digest of its bytes). A build whose fingerprint matches leaves the index alone. Otherwise,
 * if the index has the same schema, analyzer and zone, only the reports added, changed or removed
 * since are indexed again, in place (Lucene commits are atomic); else a new index is written
 * beside the old one and swapped in. Either way a reader never sees half an index. An index that
 * does not read back as written (a file missing, cut short or changed: {@link #state}) is
 * damaged, and a new one is written in its place. {@code daybook search} computes the fingerprint
 * of the content it is pointed at and says "run daybook build" when the index is missing,
 * damaged or differs.
 *
 * <p><b>Fields.</b> Keyword fields, lower-cased, filter: {@code repo} (owner/name, owner and name),
 * {@code author} (the whole name and each word of it), {@code severity}, {@code type} (each change
 * type key), {@code date} (YYYY-MM-DD, which sorts as text), {@code path} (each path, its leading
 * directories and its trailing segments: {@code python/sglang/jit_kernel/x.py} also gives
 * {@code python/sglang/jit_kernel} and {@code jit_kernel/x.py}), {@code sha} (the full SHA).
 * Text fields, analyzed by {@link TextAnalysis}, score: {@code title} and {@code body}. {@code
 * spell} holds the unstemmed words of both ({@link TextAnalysis.Mode#WORDS}), documents only: the
 * vocabulary a misspelt query word is read against ({@link Spelling}). The rest is stored for
 * display; {@code time} (epoch seconds) also sorts.
 */
public final class SearchIndex {

  /** Changes whenever the fields or what goes into them change; part of the fingerprint. */
  public static final String SCHEMA = "daybook-index-5";

  static final String ID = "id";
  static final String REPO = "repo";
  static final String AUTHOR = "author";
  static final String SEVERITY = "severity";
  static final String TYPE = "type";
  static final String DATE = "date";
  static final String PATH = "path";
  static final String SHA = "sha";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String TIME = "time";
  /** The words of title and body as written, for spelling ({@link Spelling}). */
  static final String SPELL = "spell";
  /** Stored values, as shown. */
  static final String SHOW = "show.";

  /** The report a document comes from ({@link #reportKey}), to replace it when it changes. */
  static final String REPORT = "report";

  private static final String FINGERPRINT_KEY = "daybook.fingerprint";
  static final String SCHEMA_KEY = "daybook.schema";

  /** Is there an index, can it be read back, and is it of this content? */
  public enum State {
    MISSING,
    /** There are index files, but not all of them can be read back as Lucene wrote them. */
    DAMAGED,
    STALE,
    CURRENT
  }

  /**
   * What {@link #state} found.
   *
   * @param damage for {@link State#DAMAGED}, what is wrong, naming the file; else null
   */
  public record Status(State state, String damage) {
    public Status {
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * What {@link #update} did.
   *
   * @param written whether the index was written
   * @param whole whether it was written anew, not brought up to date report by report
   * @param damage when the index found was damaged (and so written anew), what was wrong with
   *     it; else null
   */
  public record Update(boolean written, boolean whole, String damage) {}

  private SearchIndex() {}

  /** The fingerprint of some report files under a content folder; see the class comment. */
  public static String fingerprint(Path content, List<Path> reportFiles, ZoneId defaultZone)
      throws IOException {
    Map<String, String> digests = new TreeMap<>();
    for (Path file : reportFiles) {
      digests.put(ArchiveReader.name(content, file),
          ArchiveReader.digest(Files.readAllBytes(file)));
    }
    return fingerprint(digests, defaultZone);
  }

  /**
   * The fingerprint of report files given by their path under {@code content/} (with '/') and
   * the {@link ArchiveReader#digest} of their bytes.
   */
  public static String fingerprint(Map<String, String> digests, ZoneId defaultZone) {
    StringBuilder text = new StringBuilder(schema(defaultZone));
    new TreeMap<>(digests).forEach((path, digest) ->
        text.append(path).append('\n').append(digest).append('\n'));
    return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** What an index must have been written with to be updated report by report. */
  private static String schema(ZoneId defaultZone) {
    return SCHEMA + "\n" + TextAnalysis.VERSION + "\n" + defaultZone.getId() + "\n";
  }

  /**
   * Finds the index in {@code dir} and reads all of it back against its checksums. Opening an
   * index, Lucene checks only the ends of its large files, so a file cut short elsewhere or with
   * bytes changed would be called current and then fail (or mislead) a search; a missing file, a
   * missing commit point or a checksum that does not match makes the index {@link
   * State#DAMAGED}.
   *
   * @param fingerprint the fingerprint of the content, or null when there is no content to
   *     compare with (an index that reads back is then current)
   */
  public static Status state(Path dir, String fingerprint) throws IOException {
    return inspect(dir).against(fingerprint);
  }

  static Status state(Directory directory, String fingerprint) throws IOException {
    return inspect(directory).against(fingerprint);
  }

  /**
   * What {@link #inspect} found in an index folder: all that {@link #state} needs but the
   * fingerprint, so that a build can read the index back while it is still reading the reports.
   */
  public static final class Found {
    /** MISSING or DAMAGED; null for an index that reads back. */
    private final Status unreadable;
    /** The commit data of an index that reads back. */
    private final Map<String, String> data;

    private Found(Status unreadable, Map<String, String> data) {
      this.unreadable = unreadable;
      this.data = data;
    }

    /** The index's state for content of this fingerprint (null: an index that reads back). */
    public Status against(String fingerprint) {
      if (unreadable != null) {
        return unreadable;
      }
      boolean current = fingerprint == null || fingerprint.equals(data.get(FINGERPRINT_KEY));
      return new Status(current ? State.CURRENT : State.STALE, null);
    }
  }

  /** Finds the index in {@code dir} and reads it back, as {@link #state} says. */
  public static Found inspect(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new Found(new Status(State.MISSING, null), null);
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return inspect(directory);
    }
  }

  private static Found inspect(Directory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
      return new Found(null, Map.copyOf(reader.getIndexCommit().getUserData()));
    } catch (IndexNotFoundException e) {
      // No commit point: an empty folder, or segments left without the file that lists them.
      return new Found(isIndex(List.of(directory.listAll()))
          ? new Status(State.DAMAGED, "its commit point, segments_N, is missing")
          : new Status(State.MISSING, null), null);
    } catch (CorruptIndexException | EOFException | NoSuchFileException
        | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return new Found(new Status(State.DAMAGED, damage(e)), null);
    }
  }

  /** What is wrong, in one line: Lucene's message, naming the file by its name only. */
  private static String damage(IOException e) {
    // Lucene reports a missing segment file as a CorruptIndexException caused by this.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoSuchFileException missing) {
        return Path.of(missing.getFile()).getFileName() + " is missing";
      }
    }
    if (e instanceof CorruptIndexException corrupt) {
      Matcher path = RESOURCE_PATH.matcher(corrupt.getResourceDescription());
      if (path.find()) {
        return Path.of(path.group(1)).getFileName() + ": " + corrupt.getOriginalMessage();
      }
    }
    return e.getMessage();
  }

  /** The file in the description Lucene gives of what it read, e.g. MMapIndexInput(path="…"). */
  private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");

  /**
   * Brings the index in {@code dir} up to date with these reports: does nothing when its
   * fingerprint already matches. Else, when the index was written with the same schema,
   * analyzer and zone, only the reports that were added, changed or removed are indexed again
   * (each report's documents carry its {@link #REPORT} key: path and digest); segments with
   * deleted documents are merged away, so the collection statistics BM25 uses are exactly those
   * of a fresh index. Otherwise a new index is written beside the old one and swapped in.
   * Either way a reader sees the old index or the new one (Lucene commits are atomic).
   *
   * A damaged index ({@link #state}) is only a cache: a new one is written in its place.
   *
   * @param reports each report by its key, {@code path|digest} (see {@link #reportKey})
   */
  public static Update update(Path dir, Map<String, DailyReport> reports,
      CommitDoc.ReportUrls urls, String fingerprint, ZoneId defaultZone) throws IOException {
    return update(dir, inspect(dir), reports, urls, fingerprint, defaultZone);
  }

  /**
   * As {@link #update(Path, Map, CommitDoc.ReportUrls, String, ZoneId)}, with what {@link
   * #inspect} found in {@code dir} before.
   */
  public static Update update(Path dir, Found inspected, Map<String, DailyReport> reports,
      CommitDoc.ReportUrls urls, String fingerprint, ZoneId defaultZone) throws IOException {
    Status found = inspected.against(fingerprint);
    if (found.state() == State.CURRENT) {
      return new Update(false, false, null);
    }
    if (found.state() == State.STALE) {
      try (Directory directory = FSDirectory.open(dir)) {
        if (updateInPlace(directory, reports, urls, fingerprint, defaultZone)) {
          return new Update(true, false, null);
        }
      } catch (IOException | RuntimeException e) {
        // Whatever failed on the way, a new index written below replaces this one.
      }
    }
    checkReplaceable(dir);
    Path parent = dir.toAbsolutePath().normalize().getParent();
    Files.createDirectories(parent);
    Path fresh = AtomicFiles.createTempDirectory(parent, ".lucene-new-");
    Path old = parent.resolve(dir.getFileName() + ".old-" + fresh.getFileName());
    try {
      try (Directory directory = FSDirectory.open(fresh)) {
        write(directory, reports, urls, fingerprint, defaultZone);
      }
      if (Files.exists(dir)) {
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      AtomicFiles.deleteTree(fresh);
      AtomicFiles.deleteTree(old);
    }
    return new Update(true, true, found.damage());
  }

  /**
   * A new index replaces the folder: only when it holds an index (maybe a damaged one), or
   * nothing. A mistyped {@code --index} that names a file or some other folder must not be
   * deleted.
   */
  private static void checkReplaceable(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " is not a folder: it cannot hold the search index");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      boolean lucene = isIndex(names) || names.equals(List.of(IndexWriter.WRITE_LOCK_NAME));
      if (!names.isEmpty() && !lucene) {
        throw new IOException(dir + " is not a search index and not empty (it holds "
            + names.get(0) + (names.size() > 1 ? " and " + (names.size() - 1) + " more" : "")
            + "): not replacing it");
      }
    }
  }

  /**
   * Whether a folder holding these files holds a Lucene index, maybe a damaged one: it has a
   * commit point, or only files named as Lucene names them, a segment's info among them (a
   * folder of other files named {@code _x.y} is not one).
   */
  private static boolean isIndex(List<String> names) {
    return names.stream().anyMatch(n -> n.startsWith(IndexFileNames.SEGMENTS))
        || names.stream().anyMatch(n -> n.endsWith(".si")) && names.stream().allMatch(n ->
            IndexFileNames.CODEC_FILE_PATTERN.matcher(n).matches()
                || n.equals(IndexWriter.WRITE_LOCK_NAME));
  }

  /** The key of a report file in the index: its path under content/ and its digest. */
  public static String reportKey(String relativePath, String digest) {
    return relativePath + "|" + digest;
  }

  /**
   * Indexes only what changed, if the index allows it and little changed.
   *
   * @return false when a new index must be written instead
   */
  private static boolean updateInPlace(Directory directory, Map<String, DailyReport> reports,
      CommitDoc.ReportUrls urls, String fingerprint, ZoneId defaultZone) throws IOException {
    Map<String, String> data;
    try {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexNotFoundException e) {
      return false;
    }
    if (!schema(defaultZone).equals(data.get(SCHEMA_KEY))) {
      return false;
    }
    Set<String> indexed = new TreeSet<>();
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      Terms keys = MultiTerms.getTerms(reader, REPORT);
      if (keys != null) {
        TermsEnum te = keys.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          indexed.add(t.utf8ToString());
        }
      }
    }
    List<String> gone = indexed.stream().filter(k -> !reports.containsKey(k)).toList();
    List<String> added = reports.keySet().stream().filter(k -> !indexed.contains(k)).sorted()
        .toList();
    // Past a quarter of the archive, a new index is as quick and leaves fewer segments.
    if ((gone.size() + added.size()) * 4 > Math.max(reports.size(), 1)) {
      return false;
    }
    try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND))) {
      for (String key : gone) {
        writer.deleteDocuments(new Term(REPORT, key));
      }
      addAll(writer, added.stream().collect(java.util.stream.Collectors.toMap(k -> k,
          reports::get, (a, b) -> a, TreeMap::new)), urls);
      if (!gone.isEmpty()) {
        writer.forceMergeDeletes(true);
      }
      writer.setLiveCommitData(commitData(fingerprint, defaultZone).entrySet());
      writer.commit();
    }
    return true;
  }

  /** Writes these reports as a new index in {@code directory}, replacing what it held. */
  static void write(Directory directory, Map<String, DailyReport> reports,
      CommitDoc.ReportUrls urls, String fingerprint, ZoneId defaultZone) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE))) {
      addAll(writer, new TreeMap<>(reports), urls);
      writer.setLiveCommitData(commitData(fingerprint, defaultZone).entrySet());
      writer.commit();
    }
  }

  /** Writes these documents as a new index (tests: documents without report files). */
  static void write(Directory directory, List<CommitDoc> docs, String fingerprint)
      throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE))) {
      for (CommitDoc doc : docs.stream().sorted(CommitDoc.ORDER).toList()) {
        writer.addDocument(document(doc, ""));
      }
      writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint).entrySet());
      writer.commit();
    }
  }

  private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(new DaybookAnalyzer())
        .setSimilarity(Ranking.similarity())
        .setOpenMode(mode)
        // One flush per thread for an archive of years, instead of dozens of small segments.
        .setRAMBufferSizeMB(256)
        // Those segments are large: packing each into a compound file would copy it once more.
        .setUseCompoundFile(false)
        // Every deleted document merged away: they would still count in BM25's statistics.
        .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0))
        .setCommitOnClose(false);
  }

  private static Map<String, String> commitData(String fingerprint, ZoneId defaultZone) {
    return Map.of(FINGERPRINT_KEY, fingerprint, SCHEMA_KEY, schema(defaultZone));
  }

  /**
   * Adds the documents of these reports, analyzed on every core (the writer takes documents
   * from several threads). Lucene's own doc order does not matter: results and the static export
   * order documents by time and id, not by Lucene's numbering.
   */
  private static void addAll(IndexWriter writer, Map<String, DailyReport> reports,
      CommitDoc.ReportUrls urls) throws IOException {
    Parallel.map(new ArrayList<>(reports.entrySet()), e -> {
      for (CommitDoc doc : CommitDoc.of(List.of(e.getValue()), urls)) {
        writer.addDocument(document(doc, e.getKey()));
      }
      return null;
    });
    // Each indexing thread's buffer becomes a segment. The commit would write them one after
    // the other in its own thread; here every core writes one.
    Parallel.map(Collections.nCopies(Runtime.getRuntime().availableProcessors(), writer), w -> {
      while (w.flushNextBuffer()) {
        // until no buffer is left
      }
      return null;
    });
  }

  /** Which commits hold a word is all spelling asks: no frequencies, positions or norms. */
  private static final FieldType SPELL_TYPE = spellType();

  private static FieldType spellType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  static Document document(CommitDoc c, String reportKey) {
    Document d = new Document();
    d.add(new StringField(ID, c.id(), Field.Store.YES));
    d.add(new StringField(REPORT, reportKey, Field.Store.NO));
    d.add(new SortedDocValuesField(ID, new BytesRef(c.id())));
    for (String v : repoKeys(c.repo())) {
      d.add(new StringField(REPO, v, Field.Store.NO));
    }
    for (String v : authorKeys(c.author())) {
      d.add(new StringField(AUTHOR, v, Field.Store.NO));
    }
    d.add(new StringField(SEVERITY, c.severity(), Field.Store.NO));
    for (String t : c.types()) {
      d.add(new StringField(TYPE, t, Field.Store.NO));
    }
    d.add(new StringField(DATE, c.date().toString(), Field.Store.NO));
    for (String v : pathKeys(c.paths())) {
      d.add(new StringField(PATH, v, Field.Store.NO));
    }
    d.add(new StringField(SHA, c.sha().toLowerCase(Locale.ROOT), Field.Store.NO));
    d.add(new TextField(TITLE, c.title(), Field.Store.NO));
    d.add(new TextField(BODY, c.body(), Field.Store.NO));
    d.add(new Field(SPELL, c.title(), SPELL_TYPE));
    d.add(new Field(SPELL, c.body(), SPELL_TYPE));
    d.add(new NumericDocValuesField(TIME, c.time().getEpochSecond()));

    d.add(new StoredField(SHOW + REPO, c.repo()));
    d.add(new StoredField(SHOW + SHA, c.sha()));
    d.add(new StoredField(SHOW + DATE, c.date().toString()));
    d.add(new StoredField(SHOW + TIME, c.time().getEpochSecond()));
    d.add(new StoredField(SHOW + SEVERITY, c.severity()));
    for (String t : c.types()) {
      d.add(new StoredField(SHOW + TYPE, t));
    }
    d.add(new StoredField(SHOW + AUTHOR, c.author()));
    d.add(new StoredField(SHOW + TITLE, c.title()));
    d.add(new StoredField(SHOW + BODY, c.shown()));
    for (String p : c.paths()) {
      d.add(new StoredField(SHOW + PATH, p));
    }
    d.add(new StoredField(SHOW + "url", c.url()));
    return d;
  }

  /** Lower case, whitespace collapsed: how keyword values are compared. */
  public static String keyword(String value) {
    return String.join(" ", WHITESPACE.split(value.strip().toLowerCase(Locale.ROOT)));
  }

  // Compiled once: String.split compiles a pattern of more than one character on every call.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  public static Set<String> repoKeys(String repo) {
    String full = keyword(repo);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(full);
    int slash = full.indexOf('/');
    if (slash > 0) {
      keys.add(full.substring(0, slash));
      keys.add(full.substring(slash + 1));
    }
    return keys;
  }

  /**
   * What finds an author: the whole name, each word of it, each word without the punctuation
   * around it, and each run of letters and digits in it. {@code "Mallory" 'O'Brien} is found by
   * {@code author:mallory}, {@code author:o'brien} and {@code author:brien}.
   */
  public static Set<String> authorKeys(String author) {
    String full = keyword(author);
    Set<String> keys = new LinkedHashSet<>();
    if (full.isEmpty()) {
      return keys;
    }
    keys.add(full);
    for (String word : full.split(" ")) {
      keys.add(word);
      Matcher inside = INSIDE_PUNCTUATION.matcher(word);
      if (inside.matches()) {
        keys.add(inside.group(1));
      }
      for (String part : NOT_LETTERS.split(word)) {
        if (!part.isEmpty()) {
          keys.add(part);
        }
      }
    }
    return keys;
  }

  // A word between punctuation or symbols, e.g. o'brien in 'o'brien; marks (accents, vowel signs
  // of Indic scripts) belong to their letters.
  private static final Pattern INSIDE_PUNCTUATION =
      Pattern.compile("[^\\p{L}\\p{M}\\p{N}]*(.*?[\\p{L}\\p{M}\\p{N}])[^\\p{L}\\p{M}\\p{N}]*");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

  /** A path as the path filter compares it: lower case, no leading "./" or "/", no trailing "/". */
  static String normalizePath(String path) {
    String p = path.strip().toLowerCase(Locale.ROOT).replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /**
   * Each path's leading directories and trailing segments, the path itself included, with runs
   * of '/' as one: for a/b/c, a, c, a/b, b/c, a/b/c.
   */
  public static Set<String> pathKeys(List<String> paths) {
    Set<String> keys = new LinkedHashSet<>();
    for (String path : paths) {
      String p = normalizePath(path);
      if (p.contains("//")) {
        p = SLASHES.matcher(p).replaceAll("/");
      }
      if (p.isEmpty()) {
        continue;
      }
      // The ends of the segments, as indexes of the '/' after each (the path's length last).
      List<Integer> ends = new ArrayList<>();
      for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
        ends.add(i);
      }
      ends.add(p.length());
      int n = ends.size();
      for (int i = 1; i <= n; i++) {
        keys.add(p.substring(0, ends.get(i - 1)));
        keys.add(i == n ? p : p.substring(ends.get(n - 1 - i) + 1));
      }
    }
    return keys;
  }

  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  /** Opens the index in {@code dir} for searching. */
  static DirectoryReader open(Directory directory) throws IOException {
    return DirectoryReader.open(directory);
  }

}
