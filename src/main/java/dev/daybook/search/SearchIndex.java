package dev.daybook.search;

import dev.daybook.model.DailyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of every reported commit, one document each (see {@link CommitDoc}).
 *
 * <p><b>Where.</b> {@code daybook build} writes it to {@link #DEFAULT_DIR} ({@code .daybook/lucene}
 * beside {@code content/} and {@code output/}, a build cache that is not published: the site gets
 * its own static export) or to {@code --index DIR}; {@code daybook search} reads it from there.
 *
 * <p><b>When.</b> The index records a fingerprint in its commit data: a SHA-256 of the index
 * schema, the analyzer version, the default time zone and every report file (relative path and
 * bytes). A build whose fingerprint matches leaves the index alone; any other build writes a new
 * index beside the old one and swaps it in, so a reader never sees half an index. {@code daybook
 * search} computes the fingerprint of the content it is pointed at and says "run daybook build"
 * when the index is missing or differs.
 *
 * <p><b>Fields.</b> Keyword fields, lower-cased, filter: {@code repo} (owner/name, owner and name),
 * {@code author} (the whole name and each word of it), {@code severity}, {@code type} (each change
 * type key), {@code date} (YYYY-MM-DD, which sorts as text), {@code path} (each path, its leading
 * directories and its trailing segments: {@code python/sglang/jit_kernel/x.py} also gives
 * {@code python/sglang/jit_kernel} and {@code jit_kernel/x.py}), {@code sha} (the full SHA).
 * Text fields, analyzed by {@link TextAnalysis}, score: {@code title} and {@code body}. The rest is
 * stored for display; {@code time} (epoch seconds) also sorts.
 */
public final class SearchIndex {

  /** Changes whenever the fields or what goes into them change; part of the fingerprint. */
  public static final String SCHEMA = "daybook-index-1";
  public static final Path DEFAULT_DIR = Path.of(".daybook", "lucene");

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
  /** Stored values, as shown. */
  static final String SHOW = "show.";

  private static final String FINGERPRINT_KEY = "daybook.fingerprint";

  /** Is there an index, and is it of this content? */
  public enum State {
    MISSING,
    STALE,
    CURRENT
  }

  private SearchIndex() {}

  /** The fingerprint of some report files under a content folder; see the class comment. */
  public static String fingerprint(Path content, List<Path> reportFiles, ZoneId defaultZone)
      throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(sha, SCHEMA + "\n" + TextAnalysis.VERSION + "\n" + defaultZone.getId() + "\n");
    List<Path> sorted = reportFiles.stream()
        .map(p -> content.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()))
        .sorted(Comparator.comparing(p -> p.toString().replace('\\', '/'))).toList();
    for (Path rel : sorted) {
      byte[] bytes = Files.readAllBytes(content.resolve(rel));
      update(sha, rel.toString().replace('\\', '/') + "\n" + bytes.length + "\n");
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
  }

  public static State state(Path dir, String fingerprint) throws IOException {
    if (!Files.isDirectory(dir)) {
      return State.MISSING;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return state(directory, fingerprint);
    }
  }

  static State state(Directory directory, String fingerprint) throws IOException {
    try {
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      return fingerprint.equals(data.get(FINGERPRINT_KEY)) ? State.CURRENT : State.STALE;
    } catch (IndexNotFoundException e) {
      return State.MISSING;
    }
  }

  /**
   * Brings the index in {@code dir} up to date with these reports: does nothing when its
   * fingerprint already matches, else writes a new index and swaps it in.
   *
   * @return whether a new index was written
   */
  public static boolean update(Path dir, List<DailyReport> reports, CommitDoc.ReportUrls urls,
      String fingerprint) throws IOException {
    if (state(dir, fingerprint) == State.CURRENT) {
      return false;
    }
    Path parent = dir.toAbsolutePath().normalize().getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, ".lucene-new-");
    Path old = parent.resolve(dir.getFileName() + ".old-" + fresh.getFileName());
    try {
      try (Directory directory = FSDirectory.open(fresh)) {
        write(directory, CommitDoc.of(reports, urls), fingerprint);
      }
      if (Files.exists(dir)) {
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(fresh);
      deleteTree(old);
    }
    return true;
  }

  /** Writes these documents as a new index in {@code directory}, replacing what it held. */
  static void write(Directory directory, List<CommitDoc> docs, String fingerprint)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new DaybookAnalyzer())
        .setSimilarity(Ranking.similarity())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCommitOnClose(false);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (CommitDoc doc : docs.stream().sorted(CommitDoc.ORDER).toList()) {
        writer.addDocument(document(doc));
      }
      writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint).entrySet());
      writer.forceMerge(1);
      writer.commit();
    }
  }

  static Document document(CommitDoc c) {
    Document d = new Document();
    d.add(new StringField(ID, c.id(), Field.Store.YES));
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
    d.add(new StoredField(SHOW + BODY, c.body()));
    for (String p : c.paths()) {
      d.add(new StoredField(SHOW + PATH, p));
    }
    d.add(new StoredField(SHOW + "url", c.url()));
    return d;
  }

  /** Lower case, whitespace collapsed: how keyword values are compared. */
  static String keyword(String value) {
    return String.join(" ", value.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }

  static Set<String> repoKeys(String repo) {
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

  static Set<String> authorKeys(String author) {
    String full = keyword(author);
    Set<String> keys = new LinkedHashSet<>();
    if (!full.isEmpty()) {
      keys.add(full);
      keys.addAll(List.of(full.split(" ")));
    }
    return keys;
  }

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

  static Set<String> pathKeys(List<String> paths) {
    Set<String> keys = new LinkedHashSet<>();
    for (String path : paths) {
      String p = normalizePath(path);
      if (p.isEmpty()) {
        continue;
      }
      List<String> segments = new ArrayList<>(List.of(p.split("/+")));
      for (int i = 1; i <= segments.size(); i++) {
        keys.add(String.join("/", segments.subList(0, i)));
        keys.add(String.join("/", segments.subList(segments.size() - i, segments.size())));
      }
    }
    return keys;
  }

  /** Opens the index in {@code dir} for searching. */
  static DirectoryReader open(Directory directory) throws IOException {
    return DirectoryReader.open(directory);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
