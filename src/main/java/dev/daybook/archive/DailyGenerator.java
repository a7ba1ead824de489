package dev.daybook.archive;

import dev.daybook.analysis.CommitAnalyzer;
import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import dev.daybook.report.ReportWriter;
import dev.daybook.source.CommitSource;
import dev.daybook.source.DayWindow;
import dev.daybook.source.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the report of one day: fetch each repository's commits of the day, analyze them, write the
 * file atomically. A day that already has a report is left alone unless asked, without a request to
 * the source; the exception is a report Daybook wrote before its day was over, which says so in
 * its header and is completed by the next run.
 */
public final class DailyGenerator {

  /** What happened to one day. */
  public enum Outcome {
    WRITTEN,
    REPLACED,
    KEPT
  }

  /** The result for one day: the file and what was done to it. */
  public record Result(LocalDate date, Path file, Outcome outcome, DailyReport report) {}

  private final CommitSource source;
  private final CommitAnalyzer analyzer;
  private final ReportStore store;
  private final Language language;
  private final ZoneId zone;
  private final List<RepoId> repos;
  private final Clock clock;

  public DailyGenerator(CommitSource source, CommitAnalyzer analyzer, ReportStore store,
      Language language, ZoneId zone, List<RepoId> repos, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.store = Objects.requireNonNull(store, "store");
    this.language = Objects.requireNonNull(language, "language");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.repos = List.copyOf(repos);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (this.repos.isEmpty()) {
      throw new IllegalArgumentException(
          "no repositories to follow: list them as repos=owner/name in site.properties or pass"
              + " --repo owner/name");
    }
  }

  /** Checks that a day can have a report now: it has begun in the report's time zone. */
  public void checkDate(LocalDate date) {
    Instant now = clock.instant();
    DayWindow window = new DayWindow(date, zone);
    if (!window.start().isBefore(now)) {
      throw new IllegalArgumentException("date " + date + " has not begun yet in " + zone.getId()
          + " (now " + ReportWriter.TIME.format(now.atZone(zone)) + ")");
    }
  }

  /**
   * Generates one day's report.
   *
   * @param replace write even when a report of that day exists
   */
  public Result generate(LocalDate date, boolean replace) throws SourceException, IOException {
    checkDate(date);
    Path file = store.pathFor(date);
    boolean existed = store.exists(date);
    DayWindow window = new DayWindow(date, zone);
    // A report Daybook wrote before its day ended says so; it is completed, not kept.
    boolean unfinished = existed && isPartial(file);
    if (existed && !replace && !unfinished) {
      return new Result(date, file, Outcome.KEPT, null);
    }
    Instant now = clock.instant();
    List<RepoSection> sections = new ArrayList<>();
    for (RepoId repo : repos) {
      List<Commit> fetched = source.commits(repo, window);
      List<Analysis> analyses = analyzer.analyzeAll(fetched, language);
      List<ReportedCommit> commits = new ArrayList<>();
      for (int i = 0; i < fetched.size(); i++) {
        commits.add(ReportedCommit.of(fetched.get(i), analyses.get(i)));
      }
      sections.add(new RepoSection(repo, commits,
          analyzer.summarizeDay(fetched, analyses, language)));
    }
    // A day that is not over yet gets a report that says up to when it is complete.
    DailyReport report = new DailyReport(date, zone, sections,
        window.isOverAt(now) ? null : now);
    store.write(date, new ReportWriter(language).write(report), existed);
    return new Result(date, file, existed ? Outcome.REPLACED : Outcome.WRITTEN, report);
  }

  private boolean isPartial(Path file) throws IOException {
    ParsedReport existing = new ReportParser(zone).parse(file, TextFiles.read(file), false);
    return existing.report().map(DailyReport::isPartial).orElse(false);
  }
}
