package dev.daybook.bench;

import dev.daybook.archive.ReportStore;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import dev.daybook.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a large, deterministic archive out of a small real one: day {@code i} of the synthetic
 * archive is a copy of the real report of the same weekday (so weekends stay light, as in the real
 * week), moved to its new date (title, header, commit times), with every SHA replaced by a new one
 * derived from the day and the old SHA (commit links follow), so no two days share a commit.
 *
 * <p>The source is an archive folder ({@code content/} with {@code reports/YYYY/MM/*.md}), by
 * default the 7 reports the project ships, which are the rendered sglang fixture week: real
 * report shapes and sizes without putting the 1.3 MB of fixture JSON into the jar. Each report is
 * parsed and written back with {@link ReportWriter}, so every synthetic report is a valid report of
 * the same size as its model. The top-level pages ({@code about.md}) are copied as they are.
 *
 * <p>With {@code repos} above 1, every repository section of a model day is copied that many
 * times, each copy a repository of its own ({@code sgl-project/sglang}, then
 * {@code sgl-project/sglang-2}, ...) with its own SHAs and commit links, so each repository has
 * the real repository's shape per day. A third of the authors (by a hash of the name) work across
 * all the copies under their own name; the others are a different person in each copy.
 *
 * <p>Such copies repeat each other and the week: the same commits at the same times, ten copies
 * side by side, every week. Compression then finds most of the static search index's bytes
 * again a few kilobytes back, which an archive of real repositories does not let it. With
 * {@code varied}, copy k ≥ 1 of a repository on day i is that repository's section of a model
 * day chosen by a hash of i and k, its commit times moved by a few minutes more (a hash too,
 * within the day): the copies and the weeks no longer repeat, and the figures of compressed
 * downloads are those of commits that differ. Copy 0 stays the model of the same weekday.
 */
public final class ArchiveSynthesizer {

  /** The first day of every synthetic archive. */
  public static final LocalDate START = LocalDate.of(2020, 1, 1);

  private record Model(DailyReport report, Language language) {}

  private final Path source;
  private final int repos;
  private final boolean varied;
  private final List<Model> week = new ArrayList<>();
  private final Map<DayOfWeek, Model> byWeekday = new EnumMap<>(DayOfWeek.class);

  /** Reads the real reports of an archive folder. */
  public ArchiveSynthesizer(Path sourceContent) throws IOException {
    this(sourceContent, null);
  }

  /**
   * Reads the real reports of an archive folder, or only the report of {@code like} when it is
   * not null: then every synthetic day is a copy of that one.
   */
  public ArchiveSynthesizer(Path sourceContent, LocalDate like) throws IOException {
    this(sourceContent, like, 1);
  }

  /**
   * As {@link #ArchiveSynthesizer(Path, LocalDate)}, with each repository of the model days
   * copied into {@code repos} repositories.
   */
  public ArchiveSynthesizer(Path sourceContent, LocalDate like, int repos) throws IOException {
    this(sourceContent, like, repos, false);
  }

  /**
   * As {@link #ArchiveSynthesizer(Path, LocalDate, int)}; with {@code varied}, the copies of a
   * repository follow different model days (see the class comment).
   */
  public ArchiveSynthesizer(Path sourceContent, LocalDate like, int repos, boolean varied)
      throws IOException {
    if (repos < 1) {
      throw new IllegalArgumentException("a synthetic archive needs at least 1 repository: "
          + repos);
    }
    this.source = sourceContent;
    this.repos = repos;
    this.varied = varied;
    ReportStore store = new ReportStore(sourceContent);
    ReportParser parser = new ReportParser(ZoneId.of("Asia/Shanghai"));
    for (Path file : store.list()) {
      ParsedReport parsed = parser.parse(file, Files.readString(file, StandardCharsets.UTF_8),
          true);
      if (!parsed.ok()) {
        throw new IOException("cannot synthesize from " + file + ": " + parsed.problems());
      }
      Model m = new Model(parsed.report().orElseThrow(), parsed.language());
      if (like != null && !like.equals(m.report().date())) {
        continue;
      }
      week.add(m);
      byWeekday.putIfAbsent(m.report().date().getDayOfWeek(), m);
    }
    if (week.isEmpty()) {
      throw new IOException("no reports to synthesize from in " + store.reportsDir()
          + (like == null ? "" : " dated " + like));
    }
  }

  /** What an archive holds. */
  public record Stats(int reports, long commits, long bytes) {}

  /** Writes days {@code 0 .. days-1} into a new archive folder, plus the source's pages. */
  public Stats synthesize(Path target, int days) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> pages = Files.list(source)) {
      for (Path page : pages.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(Files::isRegularFile).sorted().toList()) {
        Files.copy(page, target.resolve(page.getFileName().toString()));
      }
    }
    long commits = 0;
    long bytes = 0;
    ReportStore store = new ReportStore(target);
    for (int i = 0; i < days; i++) {
      Stats one = writeDay(target, i);
      // Written, as a daily job writes it, the morning after its day: a build trusts the size
      // and time of a file written long before it reads it, and digests one written just now.
      LocalDate date = START.plusDays(i);
      Files.setLastModifiedTime(store.pathFor(date),
          FileTime.from(date.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC)));
      commits += one.commits();
      bytes += one.bytes();
    }
    return new Stats(days, commits, bytes);
  }

  /** Writes day {@code index} (date {@link #START} + index) into an archive folder. */
  public Stats writeDay(Path target, int index) throws IOException {
    LocalDate date = START.plusDays(index);
    DailyReport report = day(index);
    String text = new ReportWriter(template(date, index).language()).write(report);
    new ReportStore(target).write(date, text, true);
    return new Stats(1, report.commitCount(), text.getBytes(StandardCharsets.UTF_8).length);
  }

  /** How many copies of each model repository every synthetic day holds. */
  public int repos() {
    return repos;
  }

  /** The synthetic report of day {@code index}. */
  public DailyReport day(int index) {
    LocalDate date = START.plusDays(index);
    DailyReport real = template(date, index).report();
    Set<String> anchors = new HashSet<>();
    List<RepoSection> sections = new ArrayList<>();
    for (RepoSection model : real.sections()) {
      for (int copy = 0; copy < repos; copy++) {
        DailyReport from = real;
        RepoSection s = model;
        Duration later = Duration.ZERO;
        if (varied && copy > 0) {
          int pick = Math.floorMod(sha1Hex(index + ":" + copy).hashCode(), week.size());
          from = week.get(pick).report();
          s = from.sections().stream().filter(x -> x.repo().equals(model.repo())).findFirst()
              .orElse(null);
          later = Duration.ofMinutes(Math.floorMod((index + ":" + copy).hashCode(), 90));
        }
        if (s == null) {
          continue; // that model day has no section of this repository
        }
        Duration shift = Duration.ofDays(ChronoUnit.DAYS.between(from.date(), date));
        if (!withinDay(s, shift.plus(later), date, real.zone())) {
          later = Duration.ZERO; // the section moves as a whole, its order kept
        }
        RepoId repo = copyOf(s.repo(), copy);
        List<ReportedCommit> commits = new ArrayList<>();
        for (ReportedCommit c : s.commits()) {
          // Copy 0 keeps the SHAs of a one-repository archive.
          String sha = newSha(index, c.sha(), copy == 0 ? "" : "@" + repo, anchors);
          String url = c.url() == null ? null : c.url().replace(c.sha(), sha)
              .replace("/" + s.repo() + "/", "/" + repo + "/");
          commits.add(new ReportedCommit(sha, url, c.time().plus(shift).plus(later),
              authorIn(c.author(), copy), c.title(), c.analysis()));
        }
        sections.add(new RepoSection(repo, commits));
      }
    }
    return new DailyReport(date, real.zone(), sections, null);
  }

  /** Whether every commit of a section, moved by {@code by}, is on day {@code date}. */
  private static boolean withinDay(RepoSection s, Duration by, LocalDate date, ZoneId zone) {
    return s.commits().stream()
        .allMatch(c -> c.time().plus(by).atZone(zone).toLocalDate().equals(date));
  }

  /** Copy 0 is the model repository itself; copy k is {@code owner/name-(k+1)}. */
  static RepoId copyOf(RepoId model, int copy) {
    return copy == 0 ? model : new RepoId(model.owner(), model.name() + "-" + (copy + 1));
  }

  /** The author in copy {@code copy}: the same person in every copy for a third of the names. */
  private static String authorIn(String author, int copy) {
    // String.hashCode is specified, so the choice is the same on every run.
    return copy == 0 || Math.floorMod(author.hashCode(), 3) == 0 ? author
        : author + "-" + (copy + 1);
  }

  private Model template(LocalDate date, int index) {
    return byWeekday.size() == 7 ? byWeekday.get(date.getDayOfWeek())
        : week.get(Math.floorMod(index, week.size()));
  }

  /**
   * A SHA of the same length as {@code old}, derived from the day, {@code old} and {@code copy}
   * (which tells the copies of a repository apart), unique in its report by its 7-character
   * anchor.
   */
  private static String newSha(int day, String old, String copy, Set<String> anchors) {
    for (int salt = 0; ; salt++) {
      String hex = sha1Hex(day + ":" + salt + ":" + old + copy);
      String sha = hex.substring(0, Math.min(old.length(), hex.length()));
      if (anchors.add(sha.substring(0, 7))) {
        return sha;
      }
    }
  }

  private static String sha1Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
