package dev.daybook.site;

import dev.daybook.model.DailyReport;
import dev.daybook.report.ReportHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lays out a JBake project for one build: the reports (with their neighbours added to the header,
 * so JBake need not look them up), the pages at the top of {@code content/}, the templates plus a
 * generated {@code _site.ftl}, the assets, and a {@code jbake.properties} that leaves to Daybook
 * every page JBake cannot paginate or group.
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

  static void stage(Path project, SiteModel model, Map<DailyReport, Path> sources, Path content,
      Path templates, Path assets, String siteFtl) throws IOException {
    Path stagedContent = project.resolve("content");
    // JBake requires the folder even when the archive has no report yet.
    Files.createDirectories(stagedContent);
    List<DailyReport> days = model.days();
    for (int i = 0; i < days.size(); i++) {
      DailyReport day = days.get(i);
      String text = Files.readString(sources.get(day), StandardCharsets.UTF_8)
          .replace("\r\n", "\n");
      Path target = stagedContent.resolve(SitePaths.report(day.date()).replace(".html", ".md"));
      Files.createDirectories(target.getParent());
      Files.writeString(target, withNeighbours(text, model.previous(i), model.next(i)),
          StandardCharsets.UTF_8);
    }
    for (Path page : pages(content)) {
      Files.copy(page, stagedContent.resolve(page.getFileName()));
    }
    copyTree(templates, project.resolve("templates"));
    Files.writeString(project.resolve("templates/_site.ftl"), siteFtl, StandardCharsets.UTF_8);
    copyTree(assets, project.resolve("assets"));
    Files.writeString(project.resolve("jbake.properties"), String.join("\n",
        "# Written by Daybook for one build.",
        "template.report.file=report.ftl",
        "template.page.file=page.ftl",
        "render.index=false",
        "render.feed=false",
        "render.archive=false",
        "render.tags=false",
        "render.tagsindex=false",
        "render.sitemap=false",
        "render.error404=false",
        "db.store=memory",
        "") , StandardCharsets.UTF_8);
  }

  /** Adds {@code daybook.prev} / {@code daybook.next} (paths and dates) before the terminator. */
  static String withNeighbours(String report, DailyReport previous, DailyReport next) {
    List<String> extra = new ArrayList<>();
    if (previous != null) {
      extra.add("daybook.prev=" + SitePaths.report(previous.date()));
      extra.add("daybook.prev-date=" + previous.date());
    }
    if (next != null) {
      extra.add("daybook.next=" + SitePaths.report(next.date()));
      extra.add("daybook.next-date=" + next.date());
    }
    String marker = "\n" + ReportHeader.TERMINATOR + "\n";
    int end = report.indexOf(marker);
    if (extra.isEmpty() || end < 0) {
      return report;
    }
    return report.substring(0, end) + "\n" + String.join("\n", extra) + report.substring(end);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private Staging() {}
}
