package dev.daybook.archive;

import dev.daybook.model.Analysis;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ItemForms;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportException;
import dev.daybook.report.ReportParser;
import dev.daybook.report.ReportWriter;
import dev.daybook.report.Truncation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Brings existing reports, such as the reference report, into the archive: parsed as they are,
 * written at their date's path in the archive's format with every section text kept. Insights,
 * risks and recommendations become items where they are written as such ({@link
 * ItemForms#restructure}), as a model's analysis is. Analyses that were evidently published cut
 * off are marked so readers see it.
 */
public final class Importer {

  /** What an import did: the source, the archive file, and whether one was replaced or kept. */
  public record Result(Path source, Path target, DailyGenerator.Outcome outcome,
      DailyReport report, int markedIncomplete) {}

  private final ReportStore store;
  private final ReportParser parser;

  public Importer(ReportStore store, ZoneId defaultZone) {
    this.store = store;
    this.parser = new ReportParser(defaultZone);
  }

  public Result importFile(Path source, boolean replace) throws IOException, ReportException {
    ParsedReport parsed = parser.parse(source, TextFiles.read(source), false);
    DailyReport report = parsed.orThrow();
    int[] marked = {0};
    List<RepoSection> sections = report.sections().stream()
        .map(s -> new RepoSection(s.repo(), s.commits().stream()
            .map(c -> markIfCutOff(structured(c), marked))
            .toList()))
        .toList();
    DailyReport normalized = new DailyReport(report.date(), report.zone(), sections,
        report.partialAsOf());
    Path target = store.pathFor(report.date());
    boolean existed = store.exists(report.date());
    if (existed && !replace) {
      return new Result(source, target, DailyGenerator.Outcome.KEPT, normalized, marked[0]);
    }
    store.write(report.date(), new ReportWriter(parsed.language()).write(normalized), replace);
    return new Result(source, target,
        existed ? DailyGenerator.Outcome.REPLACED : DailyGenerator.Outcome.WRITTEN,
        normalized, marked[0]);
  }

  /** The commit with its insights, risks and recommendations as items where they are so written. */
  private static ReportedCommit structured(ReportedCommit c) {
    return new ReportedCommit(c.sha(), c.url(), c.time(), c.author(), c.title(),
        ItemForms.restructure(c.analysis()));
  }

  private static ReportedCommit markIfCutOff(ReportedCommit c, int[] marked) {
    Analysis a = c.analysis();
    if (a.incomplete() || !Truncation.looksCutOff(a)) {
      return c;
    }
    marked[0]++;
    return new ReportedCommit(c.sha(), c.url(), c.time(), c.author(), c.title(),
        a.withIncomplete(true));
  }
}
