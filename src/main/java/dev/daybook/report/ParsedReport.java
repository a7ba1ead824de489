package dev.daybook.report;

import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Node;

/**
 * What the parser made of one file.
 *
 * @param report the report, or empty when the file is too broken to give one (no date)
 * @param language the language of the report's fixed words
 * @param hasHeader whether the file starts with a JBake header
 * @param problems everything wrong with the file, in line order; empty for a good report
 * @param header the JBake header's values, in file order (empty without a header)
 * @param body the body (what follows the header) as commonmark-java parsed it: the report's
 *     page is this document rendered ({@link ReportHtml#render(Node)})
 */
public record ParsedReport(
    Path file, Optional<DailyReport> report, Language language, boolean hasHeader,
    List<Problem> problems, ReportHeader header, Node body) {

  public ParsedReport {
    problems = problems.stream().sorted().toList();
  }

  /** The report's page: its header and its body rendered, which this does once. */
  public ReportPage page() {
    return new ReportPage(header, ReportHtml.render(body, Vocabulary.of(language)));
  }

  public boolean ok() {
    return problems.isEmpty() && report.isPresent();
  }

  /** The report, or a {@link ReportException} listing the problems. */
  public DailyReport orThrow() throws ReportException {
    if (!ok()) {
      throw new ReportException(problems.isEmpty()
          ? List.of(new Problem(file, 1, "no report could be read from this file"))
          : problems);
    }
    return report.get();
  }
}
