package dev.daybook.archive;

import dev.daybook.report.ParsedReport;
import dev.daybook.report.Problem;
import dev.daybook.report.ReportParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads every report of the archive and lists what is wrong, file by file, line by line. */
public final class Checker {

  /** How many reports were read and the problems found in them, sorted by file and line. */
  public record Result(int reports, int commits, List<Problem> problems) {}

  private final ReportStore store;
  private final ReportParser parser;

  public Checker(ReportStore store, ZoneId defaultZone) {
    this.store = store;
    this.parser = new ReportParser(defaultZone);
  }

  public Result check() throws IOException {
    if (!java.nio.file.Files.isDirectory(store.reportsDir())) {
      throw new IOException("no archive at " + store.reportsDir()
          + " (is --content the folder that holds reports/?)");
    }
    List<Problem> problems = new ArrayList<>();
    int commits = 0;
    List<Path> files = store.list();
    for (Path file : files) {
      String text;
      try {
        text = TextFiles.read(file);
      } catch (TextFiles.UnreadableFileException e) {
        problems.add(new Problem(file, 1, e.reason()));
        continue;
      }
      ParsedReport parsed = parser.parse(file, text, true);
      problems.addAll(parsed.problems());
      if (parsed.report().isPresent()) {
        var report = parsed.report().get();
        commits += (int) report.commitCount();
        Path expected = store.pathFor(report.date());
        if (!expected.normalize().equals(file.normalize())) {
          problems.add(new Problem(file, 1, "the report of " + report.date() + " belongs at "
              + expected));
        }
      }
    }
    return new Result(files.size(), commits, problems.stream().sorted().toList());
  }
}
