package dev.daybook.archive;

import dev.daybook.concurrent.Parallel;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.Problem;
import dev.daybook.report.ReportPage;
import dev.daybook.report.ReportParser;
import dev.daybook.text.XmlChars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Reads the archive the one way that {@code check}, {@code build} and {@code serve} share: every
 * {@code reports/**.md} file, as strict UTF-8, parsed on every core; a report must sit at its
 * date's path and no two reports may share a date, and a report holds no character that XML does
 * not allow ({@link XmlChars}: its feeds and pages are XML). Every problem is a {@code file:line:
 * what} (or {@code file: what} for a file or folder that cannot be read); a missing content folder
 * is an error, a content folder without reports an empty archive.
 */
public final class ArchiveReader {

  /**
   * A report and where it comes from.
   *
   * @param name its path under the content folder, with '/'
   * @param digest of the file's bytes ({@link #digest})
   * @param page its page, from the parse that gave the report
   */
  public record Source(Path file, String name, String digest, DailyReport report, Page page) {}

  /**
   * A report's page. A reader asked for pages renders each one in the parse that reads its report;
   * a report the build already knew (see {@link Known}) was not parsed, so its page is read, once,
   * when asked for.
   */
  @FunctionalInterface
  public interface Page {
    ReportPage get() throws IOException;
  }

  /**
   * What was read.
   *
   * @param reports the reports that parsed, by date, oldest first
   * @param files how many report files there are
   * @param problems every problem, sorted by file and line
   */
  public record Archive(SortedMap<LocalDate, Source> reports, int files,
      List<Problem> problems) {
    public Archive {
      reports = Collections.unmodifiableSortedMap(new TreeMap<>(reports));
      problems = List.copyOf(problems);
    }

    public long commits() {
      return reports.values().stream().mapToLong(s -> s.report().commitCount()).sum();
    }
  }

  /**
   * What a build already knows of the archive (its build cache), so that bytes parsed before
   * need not be parsed again. Called from every core.
   */
  @FunctionalInterface
  public interface Known {
    /** The report parsed earlier from bytes with this digest, or null. */
    DailyReport parsed(String name, String digest) throws IOException;
  }

  /** Knows nothing: every file is parsed. */
  public static final Known NOTHING = (name, digest) -> null;

  private final ReportStore store;
  private final ReportParser parser;
  private final boolean pages;

  /** A reader of reports alone (their pages are read again if asked for). */
  public ArchiveReader(Path content, ZoneId defaultZone) {
    this(content, defaultZone, false);
  }

  /** @param pages whether to render each report's page as it is parsed: a build's reader */
  public ArchiveReader(Path content, ZoneId defaultZone, boolean pages) {
    this.store = new ReportStore(content);
    this.parser = new ReportParser(defaultZone);
    this.pages = pages;
  }

  /** Reads and parses every report. */
  public Archive read() throws IOException {
    return read(NOTHING);
  }

  /** Reads every report, taking from {@code known} what it already knows. */
  public Archive read(Known known) throws IOException {
    // A content folder without reports/ is an empty archive (a fork that dropped the sample); a
    // missing content folder is a mistake in --content.
    if (!Files.isDirectory(store.content())) {
      throw new IOException("no archive at " + store.reportsDir()
          + " (is --content the folder that holds reports/?)");
    }
    ReportStore.Listing listing = store.scan();
    List<Path> files = listing.files();
    List<Read> read = Parallel.map(files,
        file -> readOne(file, name(store.content(), file), known));
    List<Problem> problems = new ArrayList<>();
    listing.unreadable().forEach((path, why) -> problems.add(new Problem(path, 0, why)));
    SortedMap<LocalDate, Source> byDate = new TreeMap<>();
    for (Read r : read) {
      problems.addAll(r.problems());
      Source s = r.source();
      if (s == null) {
        continue;
      }
      LocalDate date = s.report().date();
      Path expected = store.pathFor(date);
      if (!expected.toAbsolutePath().normalize().equals(s.file().toAbsolutePath().normalize())) {
        problems.add(new Problem(s.file(), 1, "the report of " + date + " belongs at "
            + expected));
      }
      Source other = byDate.putIfAbsent(date, s);
      if (other != null) {
        problems.add(new Problem(s.file(), 1, "a second report of " + date + " (the first is "
            + other.file() + ")"));
      }
    }
    Collections.sort(problems);
    return new Archive(byDate, files.size(), problems);
  }

  /** One file: its report when it has one, and its problems. */
  private record Read(Source source, List<Problem> problems) {}

  private Read readOne(Path file, String name, Known known) throws IOException {
    byte[] bytes;
    try {
      bytes = TextFiles.bytes(file);
    } catch (TextFiles.UnreadableFileException e) {
      return unreadable(file, e);
    }
    String digest = digest(bytes);
    // Bytes parsed before were UTF-8 then: only new bytes are decoded.
    DailyReport parsedBefore = known.parsed(name, digest);
    if (parsedBefore != null) {
      return new Read(new Source(file, name, digest, parsedBefore, pageLater(file, digest)),
          List.of());
    }
    String text;
    try {
      text = TextFiles.decode(file, bytes);
    } catch (TextFiles.UnreadableFileException e) {
      return unreadable(file, e);
    }
    ParsedReport parsed = parser.parse(file, text, true);
    List<Problem> problems = parsed.problems();
    List<Problem> notXml = notXml(file, text);
    if (!notXml.isEmpty()) {
      problems = new ArrayList<>(problems);
      problems.addAll(notXml);
    }
    if (parsed.report().isEmpty()) {
      return new Read(null, problems);
    }
    Page page;
    if (pages && problems.isEmpty()) {
      ReportPage made = parsed.page();
      page = () -> made;
    } else {
      page = pageLater(file, digest);
    }
    return new Read(new Source(file, name, digest, parsed.report().get(), page), problems);
  }

  /**
   * One problem per line that holds characters XML does not allow, naming each; lines counted as
   * the parser counts them (a line ends at \n, \r\n or \r). (Read as strict UTF-8, a file has
   * no surrogate alone: these are control characters, U+FFFE and U+FFFF.)
   */
  static List<Problem> notXml(Path file, String text) {
    if (XmlChars.indexOfDisallowed(text, 0) < 0) {
      return List.of(); // the usual case, in one quick pass
    }
    List<Problem> problems = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    int line = 1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c == '\n' || c == '\r') {
        if (!named.isEmpty()) {
          boolean one = named.size() == 1;
          problems.add(new Problem(file, line, String.join(", ", named)
              + (one ? ": a character" : ": characters") + " XML does not allow (no feed or page"
              + " may hold " + (one ? "it" : "them") + "); delete " + (one ? "it" : "them")
              + " or write U+FFFD"));
          named.clear();
        }
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: allowed
      } else if (!XmlChars.allowed(c)) {
        named.add(XmlChars.name(text, i) + " (" + XmlChars.kind(c) + ")");
      }
    }
    return problems;
  }

  /**
   * The page of a report that was not parsed here, read when asked for: from the same bytes, or
   * not at all (a file changed since it was read must not give a page of other text).
   */
  private Page pageLater(Path file, String digest) {
    return () -> {
      byte[] bytes = TextFiles.bytes(file);
      if (!digest(bytes).equals(digest)) {
        throw new IOException(file + ": changed while the site was being built; build again");
      }
      String text = TextFiles.decode(file, bytes);
      return parser.parse(file, text, true).page();
    };
  }

  private static Read unreadable(Path file, TextFiles.UnreadableFileException e) {
    return new Read(null, List.of(new Problem(file, e.line(), e.reason())));
  }

  /** A report file's path under the content folder, with '/' on every system. */
  public static String name(Path content, Path file) {
    return content.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
        .toString().replace('\\', '/');
  }

  /**
   * How a build tells one version of a file's bytes from another: their length, CRC-32C and
   * CRC-32, in hex (64 bits of checksum besides the length). Not SHA-256: every build reads every
   * report (a fresh checkout gives each file new times), and under the launcher's quick JIT tier
   * SHA-256 has no hardware path: it took 1.4 s of CPU for 64 MB of reports, these 0.05 s (one
   * thread, measured 2026-12). Two versions of a report that differ by chance keep the same value
   * once in 2^64; one made on purpose to keep both CRCs would be taken for the other until the
   * build cache is deleted.
   */
  public static String digest(byte[] bytes) {
    CRC32C crc32c = new CRC32C();
    crc32c.update(bytes);
    CRC32 crc32 = new CRC32();
    crc32.update(bytes);
    return HexFormat.of().toHexDigits((long) bytes.length) + HexFormat.of()
        .toHexDigits((int) crc32c.getValue()) + HexFormat.of().toHexDigits((int) crc32.getValue());
  }
}
