package dev.daybook.build;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A parsed report as the build cache keeps it ({@link CacheStore}, stage {@code report}): the
 * model field by field, so that a rebuild takes a report it has seen from here instead of parsing
 * its file again. An analysis's prose is left in the entry and decoded when first asked for
 * ({@link Analysis#deferred}), from the entry read again ({@link #decode(ByteBuffer, Supplier)}): a
 * rebuild takes every report from the cache but bakes and indexes very few, and decoding all that
 * text was most of the load, keeping it a good part of the collector's.
 */
final class ReportCodec {

  /** Bumped whenever the parser or the model would give another report for the same bytes. */
  // 5: entries hold only reports read as strict UTF-8, so a cached digest vouches for the text.
  // 6: ... and without a character XML does not allow, which the reader now finds.
  // 7: one entry per report in the build cache's one format.
  // 8: an analysis's insights, risks and recommendations as items where they are.
  // 9: a section's day summary.
  // 10: an analysis's breaking marker.
  static final String VERSION = "daybook-parsed-10";

  /** Longer than any report: a length beyond it means the entry is damaged. */
  private static final int MAX_STRING = 64 << 20;

  private ReportCodec() {}

  /** A report as bytes. */
  static byte[] encode(DailyReport report) {
    Out out = new Out();
    report(out, report);
    return Arrays.copyOf(out.buffer.array(), out.buffer.position());
  }

  /**
   * {@link #decode(ByteBuffer, Supplier)}, keeping these bytes for the prose: for whoever holds
   * them anyway (the tests).
   */
  static DailyReport decode(ByteBuffer bytes) throws IOException {
    ByteBuffer kept = bytes.duplicate();
    return decode(bytes, () -> kept);
  }

  /**
   * The report {@link #encode} wrote, from the buffer's position to its limit; throws when the
   * bytes are not such a report. Its analyses' prose is decoded on first use from the bytes that
   * {@code again} gives, the same as these: a build reads the entry again then rather than keep
   * every report's bytes until its end, as most reports never have their prose decoded.
   */
  static DailyReport decode(ByteBuffer bytes, Supplier<ByteBuffer> again) throws IOException {
    // The reader indexes the array by position: a buffer of its own, from the array's start.
    In in = new In(ByteBuffer.wrap(bytes.array(), bytes.arrayOffset() + bytes.position(),
        bytes.remaining()), again);
    DailyReport report;
    try {
      report = report(in);
    } catch (RuntimeException e) {
      throw new IOException("damaged cache entry", e);
    }
    if (!in.atEnd()) {
      throw new IOException("damaged cache entry: bytes after the report");
    }
    return report;
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
      string(out, s.summary());
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
      String summary = string(in);
      int commits = in.readInt();
      List<ReportedCommit> cs = new ArrayList<>(commits);
      for (int k = 0; k < commits; k++) {
        cs.add(new ReportedCommit(string(in), string(in), instant(in), string(in), string(in),
            analysis(in)));
      }
      list.add(new RepoSection(repo, cs, summary));
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
    string(out, a.breaking());
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
   * An analysis whose prose is decoded on first use, from the entry read again (checked by its
   * CRC): a rebuild takes every report from here but reads the prose of very few. The prose's
   * lengths are checked now, so a damaged entry is still found at load.
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
    String breaking = string(in);
    int length = in.readInt();
    int at = in.offset();
    prose(in.slice(length), false);
    Supplier<ByteBuffer> again = in.again;
    return Analysis.deferred(severity, types, typeLabel, incomplete, breaking, () -> {
      ByteBuffer whole = again.get();
      if (at + length > whole.remaining()) {
        throw new UncheckedIOException(new IOException("damaged cache: the entry got shorter"));
      }
      try {
        return prose(new In(ByteBuffer.wrap(whole.array(),
            whole.arrayOffset() + whole.position() + at, length), null), true);
      } catch (IOException | RuntimeException e) {
        // Bytes like those checked at load cannot fail; others are a damaged entry.
        throw new UncheckedIOException(new IOException("damaged cache entry", e));
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

  /** An item of a section, read from an entry. */
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
   * Reads what {@link Out} wrote, straight from the entry's bytes: quicker than a
   * stream, and strings are decoded in place.
   */
  private static final class In {
    private final ByteBuffer buffer;
    private final int start;
    /** The entry's bytes again, for the prose ({@link #decode(ByteBuffer, Supplier)}). */
    private final Supplier<ByteBuffer> again;

    In(ByteBuffer buffer, Supplier<ByteBuffer> again) {
      this.buffer = buffer;
      this.start = buffer.position();
      this.again = again;
    }

    /** Where the next byte is, from the start of these bytes. */
    int offset() {
      return buffer.position() - start;
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
      In part = new In(ByteBuffer.wrap(buffer.array(), buffer.position(), n), null);
      buffer.position(buffer.position() + n);
      return part;
    }

    boolean atEnd() {
      return !buffer.hasRemaining();
    }
  }
}
