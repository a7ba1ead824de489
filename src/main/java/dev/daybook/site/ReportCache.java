package dev.daybook.site;

import dev.daybook.io.AtomicFiles;
import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reports the last build parsed, by file, so a rebuild parses only the files whose bytes
 * changed: parsing 1,825 reports costs seconds, reading them back from here a fraction of that.
 * Kept beside the output (in {@code .daybook/}), never published; a missing, unreadable or older
 * cache only means every report is parsed again. A cached report is used only when the file's
 * digest, the default time zone and {@link #FORMAT} are those it was parsed with.
 *
 * <p>The format is a plain binary stream (DataOutput): small and quick, and only ever read by the
 * same version of Daybook that wrote it.
 */
final class ReportCache {

  /** Bumped whenever the parser or the model would give another report for the same bytes. */
  static final String FORMAT = "daybook-parsed-1";

  /** Longer than any report: a length beyond it means the file is damaged. */
  private static final int MAX_STRING = 64 << 20;

  /** A parsed report and the digest of the file it was parsed from. */
  record Entry(String digest, DailyReport report) {}

  private ReportCache() {}

  /** The reports of the last build by file (path under content/), or none. */
  static Map<String, Entry> load(Path file, ZoneId defaultZone) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (!FORMAT.equals(in.readUTF()) || !defaultZone.getId().equals(in.readUTF())) {
        return Map.of();
      }
      int count = in.readInt();
      Map<String, Entry> entries = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String path = string(in);
        entries.put(path, new Entry(string(in), report(in)));
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      return Map.of(); // only a cache: parse again
    }
  }

  /** Writes the reports of this build, sorted by file. */
  static void save(Path file, ZoneId defaultZone, Map<String, Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16))) {
      out.writeUTF(FORMAT);
      out.writeUTF(defaultZone.getId());
      out.writeInt(entries.size());
      for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
        string(out, e.getKey());
        string(out, e.getValue().digest());
        report(out, e.getValue().report());
      }
    }
    AtomicFiles.replaceCache(file, bytes.toByteArray());
  }

  // ---- the model, field by field, in record order --------------------------------------------

  private static void report(DataOutputStream out, DailyReport r) throws IOException {
    string(out, r.date().toString());
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

  private static DailyReport report(DataInputStream in) throws IOException {
    LocalDate date = LocalDate.parse(string(in));
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

  private static void analysis(DataOutputStream out, Analysis a) throws IOException {
    string(out, a.severity().name());
    out.writeInt(a.types().size());
    for (ChangeType t : a.types()) {
      string(out, t.name());
    }
    for (String s : new String[] {a.typeLabel(), a.rationale(), a.summary(), a.impact(),
        a.insights(), a.risks(), a.recommendations(), a.conclusion()}) {
      string(out, s);
    }
    out.writeInt(a.reasons().size());
    for (String r : a.reasons()) {
      string(out, r);
    }
    out.writeBoolean(a.incomplete());
  }

  private static Analysis analysis(DataInputStream in) throws IOException {
    Severity severity = Severity.valueOf(string(in));
    int n = in.readInt();
    List<ChangeType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(ChangeType.valueOf(string(in)));
    }
    String[] text = new String[8];
    for (int i = 0; i < text.length; i++) {
      text[i] = string(in);
    }
    int reasons = in.readInt();
    List<String> why = new ArrayList<>(reasons);
    for (int i = 0; i < reasons; i++) {
      why.add(string(in));
    }
    return new Analysis(severity, types, text[0], text[1], text[2], text[3], text[4], text[5],
        text[6], text[7], why, in.readBoolean());
  }

  /** A string of any length (writeUTF stops at 64 KB), or null. */
  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    if (n > MAX_STRING) {
      throw new IOException("damaged cache: a string of " + n + " bytes");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }
}
