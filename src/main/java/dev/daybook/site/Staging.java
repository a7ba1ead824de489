package dev.daybook.site;

import dev.daybook.io.FileTrees;
import dev.daybook.model.DailyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lays out the JBake project of one build (templates, a generated {@code _site.ftl}, {@code
 * jbake.properties}) and says which content files JBake renders: the reports, with their
 * neighbours given to JBake so it need not look them up, and the pages at the top of
 * {@code content/}.
 */
final class Staging {

  /** Files from {@code content/} that JBake renders, besides the reports: the about page etc. */
  static List<Path> pages(Path content) throws IOException {
    if (!Files.isDirectory(content)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(content)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * Writes what JBake reads of the project: the templates plus a generated {@code _site.ftl},
   * and a {@code jbake.properties} naming the template of each document type. The documents
   * themselves are read where they are ({@link JBakeOven}).
   */
  static void stage(Path project, Path templates, String siteFtl) throws IOException {
    FileTrees.copy(templates, project.resolve("templates"));
    Files.writeString(project.resolve("templates/_site.ftl"), siteFtl, StandardCharsets.UTF_8);
    Files.writeString(project.resolve("jbake.properties"), String.join("\n",
        "# Written by Daybook for one build.",
        "template.report.file=report.ftl",
        "template.page.file=page.ftl",
        ""), StandardCharsets.UTF_8);
  }

  /** The neighbours of a report, as {@code daybook.prev} / {@code daybook.next} (path, date). */
  static Map<String, Object> neighbours(DailyReport previous, DailyReport next) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (previous != null) {
      extra.put("daybook.prev", SitePaths.report(previous.date()));
      extra.put("daybook.prev-date", previous.date().toString());
    }
    if (next != null) {
      extra.put("daybook.next", SitePaths.report(next.date()));
      extra.put("daybook.next-date", next.date().toString());
    }
    return extra;
  }

  private Staging() {}
}
