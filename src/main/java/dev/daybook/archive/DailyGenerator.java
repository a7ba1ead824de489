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
 * Writes the report of one day in three steps: {@link #plan} (a day that already has a report is
 * left alone unless asked, without a request to the source; the exception is a report Daybook
 * wrote before its day was over, which says so in its header and is completed by the next run),
 * {@link #fetch} each repository's commits of the day, {@link #write}: analyze them and write the
 * file atomically. {@link Backfill} runs the fetches of many days and repositories side by side.
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
   * What a day needs, decided without a request to the source.
   *
   * @param write whether the report is to be written (else it is kept as it is)
   * @param existed whether a report of the day is there, to be replaced
   */
  public record Plan(LocalDate date, Path file, boolean write, boolean existed) {}

  /**
   * Decides whether a day's report is to be written: when there is none, when asked to replace
   * it, or when it is one Daybook wrote before its day was over.
   *
   * @param replace write even when a report of that day exists
   */
  public Plan plan(LocalDate date, boolean replace) throws IOException {
    checkDate(date);
    Path file = store.pathFor(date);
    boolean existed = store.exists(date);
    // A report Daybook wrote before its day ended says so; it is completed, not kept.
    boolean unfinished = existed && isPartial(file);
    return new Plan(date, file, !existed || replace || unfinished, existed);
  }

  /** The repositories a report holds, in the order of its sections. */
  public List<RepoId> repos() {
    return repos;
  }

  /** One repository's commits of the day: the part of a day that may run beside others. */
  public List<Commit> fetch(LocalDate date, RepoId repo) throws SourceException {
    return source.commits(repo, new DayWindow(date, zone));
  }

  /** The result of a day that is kept as it is. */
  public Result kept(Plan plan) {
    return new Result(plan.date(), plan.file(), Outcome.KEPT, null);
  }

  /**
   * Analyzes a day's commits and writes its report atomically.
   *
   * @param fetched each repository's commits, in the order of {@link #repos()}
   */
  public Result write(Plan plan, List<List<Commit>> fetched) throws IOException {
    if (fetched.size() != repos.size()) {
      throw new IllegalArgumentException(
          fetched.size() + " lists of commits for " + repos.size() + " repositories");
    }
    DayWindow window = new DayWindow(plan.date(), zone);
    Instant now = clock.instant();
    List<RepoSection> sections = new ArrayList<>();
    for (int r = 0; r < repos.size(); r++) {
      List<Commit> commits = fetched.get(r);
      List<Analysis> analyses = analyzer.analyzeAll(commits, language);
      List<ReportedCommit> reported = new ArrayList<>();
      for (int i = 0; i < commits.size(); i++) {
        reported.add(ReportedCommit.of(commits.get(i), analyses.get(i)));
      }
      sections.add(new RepoSection(repos.get(r), reported,
          analyzer.summarizeDay(commits, analyses, language)));
    }
    // A day that is not over yet gets a report that says up to when it is complete.
    DailyReport report = new DailyReport(plan.date(), zone, sections,
        window.isOverAt(now) ? null : now);
    store.write(plan.date(), new ReportWriter(language).write(report), plan.existed());
    return new Result(plan.date(), plan.file(),
        plan.existed() ? Outcome.REPLACED : Outcome.WRITTEN, report);
  }

  private boolean isPartial(Path file) throws IOException {
    ParsedReport existing = new ReportParser(zone).parse(file, TextFiles.read(file), false);
    return existing.report().map(DailyReport::isPartial).orElse(false);
  }
}
