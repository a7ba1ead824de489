package dev.daybook.build;

import dev.daybook.concurrent.Parallel;
import dev.daybook.io.AtomicFiles;
import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Dimension;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Point;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The reports the last build parsed, by file (path under content/), so a rebuild neither parses
 * nor even reads a report it has seen: a file whose size, modification time and change time are
 * those recorded ({@link Stamp}) is taken to hold the bytes last parsed, as git takes it; the
 * digest of those bytes is kept with the report, for the search index and the page keys. A file
 * whose stamp differs is read and digested; its cached report is still used when the digest is
 * the recorded one (a file touched, or copied).
 *
 * <p>A file modified less than {@link #RACY_WINDOW_NANOS} before it was read is recorded without a
 * stamp, so the next build digests it again: a write within the file system's clock tick after
 * the read would otherwise leave all three times as recorded. Known limitation, where the file
 * system keeps no change time (not Unix): a file rewritten with other bytes of the same size
 * whose modification time is then set back keeps its old report until it changes again.
 *
 * <p>Kept beside the output in {@code .daybook/<output>.parsed/}, never published, as {@value
 * #SEGMENTS} segment files by a hash of the path: one more day rewrites one segment (~1/64 of the
 * cache), not all of it, and the segments load on every core. Each segment is replaced atomically
 * ({@link AtomicFiles#replaceCache}) and ends with a CRC32C of its bytes: a torn, damaged or older
 * segment (another {@link #FORMAT} or default time zone) is ignored, its reports are parsed again
 * and it is rewritten. Segments are independent: every entry is checked against its own file, so
 * a crash between two segment writes costs parsing, never a wrong report.
 *
 * <p>A report's analyses are read with their prose left in the segment's bytes, decoded when
 * first asked for ({@link Analysis#deferred}): a rebuild takes every report from here, but bakes
 * and indexes very few, and decoding all that text was most of the load.
 */
final class ReportCache {

  /** Bumped whenever the parser or the model would give another report for the same bytes. */
  // 5: entries hold only reports read as strict UTF-8, so a cached digest vouches for the text.
  // 6: ... and without a character XML does not allow, which the reader now finds.
  static final String FORMAT = "daybook-parsed-7";

  static final int SEGMENTS = 64;

  /** A file modified this shortly before it was read may change again unseen: see above. */
  static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Longer than any report: a length beyond it means the file is damaged. */
  private static final int MAX_STRING = 64 << 20;

  /**
   * A report file's size, modification time and change time (nanoseconds since the epoch), as a
   * build saw them before reading the file; {@link #NONE} matches no file. The change time
   * (ctime) moves on every write and cannot be set back, so a same-size edit whose modification
   * time was put back still shows; where the file system has none (not Unix), it is 0.
   */
  record Stamp(long size, long modified, long changed) {
    static final Stamp NONE = new Stamp(-1, Long.MIN_VALUE, Long.MIN_VALUE);

    // Spelled out: a record's own equals goes through method handles, slow to set up and to call
    // in a short-lived JVM, and a rebuild compares one stamp per report.
    @Override
    public boolean equals(Object o) {
      return o instanceof Stamp s && size == s.size && modified == s.modified
          && changed == s.changed;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(size) * 961 + Long.hashCode(modified) * 31 + Long.hashCode(changed);
    }

    /** The stamp of a file now: one stat. */
    static Stamp read(Path file) throws IOException {
      if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
        Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime");
        return new Stamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")),
            nanos(a.get("ctime")));
      }
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), 0);
    }

    private static long nanos(Object time) {
      return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /**
     * The stamp to record for a file seen so and about to be read at {@code now}: none when it
     * was written just before (a write sets the modification time to its own time).
     */
    Stamp toRecord(Instant now) {
      long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
      return modified > nowNanos - RACY_WINDOW_NANOS ? NONE : this;
    }
  }

  /** A parsed report, the digest of the file it was parsed from and that file's stamp. */
  record Entry(Stamp stamp, String digest, DailyReport report) {
    /** An entry that must be digested before it is used. */
    Entry(String digest, DailyReport report) {
      this(Stamp.NONE, digest, report);
    }
  }

  private final Path dir;
  private final ZoneId defaultZone;
  private final Map<String, Entry> entries;
  private final Set<Integer> dirty = new HashSet<>();

  private ReportCache(Path dir, ZoneId defaultZone, Map<String, Entry> entries) {
    this.dir = dir;
    this.defaultZone = defaultZone;
    this.entries = entries;
  }

  /**
   * The reports the last build recorded in a cache folder; none when it is missing. Segments
   * that cannot be read are left out and rewritten by the next {@link #save}.
   */
  static ReportCache load(Path dir, ZoneId defaultZone) throws IOException {
    List<Map<String, Entry>> segments = Parallel.map(
        IntStream.range(0, SEGMENTS).boxed().toList(), i -> readSegment(dir, defaultZone, i));
    Map<String, Entry> entries = new HashMap<>();
    ReportCache cache = new ReportCache(dir, defaultZone, entries);
    for (int i = 0; i < SEGMENTS; i++) {
      if (segments.get(i) == null) {
        cache.dirty.add(i);
      } else {
        entries.putAll(segments.get(i));
      }
    }
    return cache;
  }

  /** Every entry by file, unmodifiable. */
  Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  Entry get(String file) {
    return entries.get(file);
  }

  /** Records a report; its segment is written by the next {@link #save}. */
  void put(String file, Entry entry) {
    entries.put(file, entry);
    dirty.add(segment(file));
  }

  /** Forgets every file not named (reports deleted since the last build). */
  void retainOnly(Collection<String> files) {
    Set<String> keep = new HashSet<>(files);
    for (String file : List.copyOf(entries.keySet())) {
      if (!keep.contains(file)) {
        entries.remove(file);
        dirty.add(segment(file));
      }
    }
  }

  /** Writes the segments that changed since {@link #load}; an empty one is deleted. */
  void save() throws IOException {
    Map<Integer, Map<String, Entry>> bySegment = new TreeMap<>();
    for (int i : dirty) {
      bySegment.put(i, new TreeMap<>());
    }
    entries.forEach((file, entry) -> {
      Map<String, Entry> segment = bySegment.get(segment(file));
      if (segment != null) {
        segment.put(file, entry);
      }
    });
    Files.createDirectories(dir);
    Parallel.map(List.copyOf(bySegment.entrySet()), e -> {
      Path file = segmentFile(dir, e.getKey());
      if (e.getValue().isEmpty()) {
        Files.deleteIfExists(file);
      } else {
        AtomicFiles.replaceCache(file, encode(defaultZone, e.getKey(), e.getValue()));
      }
      return null;
    });
    dirty.clear();
  }

  /** The segment of a file: stable across runs (String.hashCode is specified). */
  static int segment(String file) {
    return Math.floorMod(file.hashCode(), SEGMENTS);
  }

  static Path segmentFile(Path dir, int segment) {
    return dir.resolve("segment-" + (segment < 10 ? "0" : "") + segment);
  }

  // ---- one segment: header, entries sorted by file, CRC32C of all that ----------------------

  private static byte[] encode(ZoneId defaultZone, int segment, Map<String, Entry> entries) {
    Out out = new Out();
    string(out, FORMAT);
    string(out, defaultZone.getId());
    out.writeInt(segment);
    out.writeInt(entries.size());
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      string(out, e.getKey());
      out.writeLong(e.getValue().stamp().size());
      out.writeLong(e.getValue().stamp().modified());
      out.writeLong(e.getValue().stamp().changed());
      string(out, e.getValue().digest());
      report(out, e.getValue().report());
    }
    out.writeInt(crc(out.buffer.array(), out.buffer.position()));
    return Arrays.copyOf(out.buffer.array(), out.buffer.position());
  }

  /** A segment's entries; empty when it has no file; null when it cannot be used. */
  private static Map<String, Entry> readSegment(Path dir, ZoneId defaultZone, int segment) {
    Path file = segmentFile(dir, segment);
    try {
      if (!Files.isRegularFile(file)) {
        return Map.of();
      }
      byte[] bytes = Files.readAllBytes(file);
      int body = bytes.length - Integer.BYTES;
      if (body < 0 || crc(bytes, body) != ByteBuffer.wrap(bytes, body, Integer.BYTES).getInt()) {
        return null; // torn or damaged
      }
      In in = new In(ByteBuffer.wrap(bytes, 0, body));
      if (!FORMAT.equals(in.string()) || !defaultZone.getId().equals(in.string())
          || in.readInt() != segment) {
        return null;
      }
      int count = in.readInt();
      Map<String, Entry> entries = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String path = in.string();
        if (segment(path) != segment) {
          return null;
        }
        Stamp stamp = new Stamp(in.readLong(), in.readLong(), in.readLong());
        entries.put(path, new Entry(stamp, in.string(), report(in)));
      }
      return in.atEnd() ? entries : null;
    } catch (IOException | RuntimeException e) {
      return null; // only a cache: parse again
    }
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  // ---- the model, field by field; an analysis's prose last, after its length -------------------

  private static void report(Out out, DailyReport r) {
    out.writeLong(r.date().toEpochDay()); // parsing "2024-12-30" costs a formatter per report
    string(out, r.zone().getId());
    instant(out, r.partialAsOf());
    out.writeInt(r.sections().size());
    for (RepoSection s : r.sections()) {
      string(out, s.repo().owner());
      string(out, s.repo().name());
      out.writeInt(s.commits().size());
      for (ReportedCommit c : s.commits()) {
        string(out, c.sha());
        string(out, c.url());
        instant(out, c.time());
        string(out, c.author());
        string(out, c.title());
        analysis(out, c.analysis());
      }
    }
  }

  private static DailyReport report(In in) throws IOException {
    LocalDate date = LocalDate.ofEpochDay(in.readLong());
    ZoneId zone = ZoneId.of(string(in));
    Instant partialAsOf = instant(in);
    int sections = in.readInt();
    List<RepoSection> list = new ArrayList<>(sections);
    for (int i = 0; i < sections; i++) {
      RepoId repo = new RepoId(string(in), string(in));
      int commits = in.readInt();
      List<ReportedCommit> cs = new ArrayList<>(commits);
      for (int k = 0; k < commits; k++) {
        cs.add(new ReportedCommit(string(in), string(in), instant(in), string(in), string(in),
            analysis(in)));
      }
      list.add(new RepoSection(repo, cs));
    }
    return new DailyReport(date, zone, list, partialAsOf);
  }

  private static void analysis(Out out, Analysis a) {
    string(out, a.severity().name());
    out.writeInt(a.types().size());
    for (ChangeType t : a.types()) {
      string(out, t.name());
    }
    string(out, a.typeLabel());
    out.writeBoolean(a.incomplete());
    // The prose after its length in bytes, so a load can step over it and read it on first use.
    int lengthAt = out.position();
    out.writeInt(0);
    Analysis.Prose p = a.prose();
    string(out, p.rationale());
    string(out, p.summary());
    string(out, p.impact());
    // Insights and points as their count then their fields, or -1 and the section's text.
    items(out, p.insights(), i -> {
      out.writeInt(i.dimension() == null ? -1 : i.dimension().ordinal());
      string(out, i.text());
    });
    items(out, p.risks(), point -> point(out, point));
    items(out, p.recommendations(), point -> point(out, point));
    string(out, p.conclusion());
    out.writeInt(p.reasons().size());
    for (String r : p.reasons()) {
      string(out, r);
    }
    out.putInt(lengthAt, out.position() - lengthAt - Integer.BYTES);
  }

  /**
   * An analysis whose prose is decoded on first use, from the segment's bytes (checked by their
   * CRC): a rebuild takes every report from here but reads the prose of very few. The prose's
   * lengths are checked now, so a damaged segment is still found at load.
   */
  private static Analysis analysis(In in) throws IOException {
    Severity severity = Severity.valueOf(string(in));
    int n = in.readInt();
    List<ChangeType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(ChangeType.valueOf(string(in)));
    }
    String typeLabel = string(in);
    boolean incomplete = in.readBoolean();
    In prose = in.slice(in.readInt());
    prose(prose, false);
    return Analysis.deferred(severity, types, typeLabel, incomplete, () -> {
      try {
        return prose(prose.rewound(), true);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen: checked at load
      }
    });
  }

  private static <T extends Items.Item> void items(Out out, Items<T> items,
      Consumer<T> item) {
    if (items.list().isEmpty()) {
      out.writeInt(-1);
      string(out, items.text());
      return;
    }
    out.writeInt(items.list().size());
    items.list().forEach(item);
  }

  private static void point(Out out, Point p) {
    string(out, p.title());
    string(out, p.details());
  }

  /** Reads (or, with {@code decode} false, only checks) the prose {@link #analysis} wrote. */
  private static Analysis.Prose prose(In in, boolean decode) throws IOException {
    String rationale = in.string(decode);
    String summary = in.string(decode);
    String impact = in.string(decode);
    Items<Insight> insights = items(in, decode, () -> {
      int d = in.readInt();
      if (d < -1 || d >= Dimension.values().length) {
        throw new IOException("damaged cache: dimension " + d);
      }
      String text = in.string(decode);
      return decode ? new Insight(d < 0 ? null : Dimension.values()[d], text) : null;
    });
    Items<Point> risks = items(in, decode, () -> point(in, decode));
    Items<Point> recommendations = items(in, decode, () -> point(in, decode));
    String conclusion = in.string(decode);
    int reasons = in.readInt();
    if (reasons < 0 || reasons > in.remaining()) {
      throw new IOException("damaged cache: " + reasons + " reasons");
    }
    List<String> why = decode ? new ArrayList<>(reasons) : null;
    for (int i = 0; i < reasons; i++) {
      String reason = in.string(decode);
      if (decode) {
        why.add(reason);
      }
    }
    if (!in.atEnd()) {
      throw new IOException("damaged cache: prose of another length");
    }
    return decode ? new Analysis.Prose(rationale, summary, impact, insights, risks,
        recommendations, conclusion, why) : null;
  }

  /** An item of a section, read from a segment. */
  private interface ItemReader<T> {
    T read() throws IOException;
  }

  private static <T extends Items.Item> Items<T> items(In in, boolean decode,
      ItemReader<T> item) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      String text = in.string(decode);
      return decode ? Items.text(text) : null;
    }
    if (n > in.remaining()) {
      throw new IOException("damaged cache: " + n + " items");
    }
    List<T> list = decode ? new ArrayList<>(n) : null;
    for (int i = 0; i < n; i++) {
      T read = item.read();
      if (decode) {
        list.add(read);
      }
    }
    return decode ? Items.of(list) : null;
  }

  private static Point point(In in, boolean decode) throws IOException {
    String title = in.string(decode);
    String details = in.string(decode);
    return decode ? new Point(title, details) : null;
  }

  /** A string of any length, or null. */
  private static void string(Out out, String s) {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void instant(Out out, Instant t) {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static String string(In in) throws IOException {
    return in.string();
  }

  private static Instant instant(In in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  /** Writes numbers (big-endian) and bytes to a buffer that grows: DataOutput without locks. */
  private static final class Out {
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    private ByteBuffer room(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2,
            buffer.position() + bytes));
        buffer = larger.put(buffer.flip());
      }
      return buffer;
    }

    void writeInt(int v) {
      room(Integer.BYTES).putInt(v);
    }

    void writeLong(long v) {
      room(Long.BYTES).putLong(v);
    }

    void writeBoolean(boolean v) {
      room(1).put((byte) (v ? 1 : 0));
    }

    void write(byte[] bytes) {
      room(bytes.length).put(bytes);
    }

    int position() {
      return buffer.position();
    }

    /** Overwrites an int written earlier at {@code index}. */
    void putInt(int index, int v) {
      buffer.putInt(index, v);
    }
  }

  /**
   * Reads what {@link Out} wrote, straight from the segment's bytes: quicker than a
   * stream, and strings are decoded in place.
   */
  private static final class In {
    private final ByteBuffer buffer;
    private final int start;

    In(ByteBuffer buffer) {
      this.buffer = buffer;
      this.start = buffer.position();
    }

    int readInt() {
      return buffer.getInt();
    }

    long readLong() {
      return buffer.getLong();
    }

    boolean readBoolean() throws IOException {
      byte b = buffer.get();
      if (b != 0 && b != 1) {
        throw new IOException("damaged cache: a boolean of " + b);
      }
      return b == 1;
    }

    String string() throws IOException {
      return string(true);
    }

    /** A string, or null; with {@code decode} false its bytes are only stepped over. */
    String string(boolean decode) throws IOException {
      int n = buffer.getInt();
      if (n < 0) {
        return null;
      }
      if (n > MAX_STRING || n > buffer.remaining()) {
        throw new IOException("damaged cache: a string of " + n + " bytes");
      }
      String s = decode
          ? new String(buffer.array(), buffer.position(), n, StandardCharsets.UTF_8) : null;
      buffer.position(buffer.position() + n);
      return s;
    }

    int remaining() {
      return buffer.remaining();
    }

    /** The next {@code n} bytes, as a reader of their own; this one steps over them. */
    In slice(int n) throws IOException {
      if (n < 0 || n > buffer.remaining()) {
        throw new IOException("damaged cache: a block of " + n + " bytes");
      }
      In part = new In(ByteBuffer.wrap(buffer.array(), buffer.position(), n));
      buffer.position(buffer.position() + n);
      return part;
    }

    /** A reader of the same bytes from their start: each use of a slice gets its own. */
    In rewound() {
      return new In(ByteBuffer.wrap(buffer.array(), start, buffer.limit() - start));
    }

    boolean atEnd() {
      return !buffer.hasRemaining();
    }
  }
}
