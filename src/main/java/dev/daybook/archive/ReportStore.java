package dev.daybook.archive;

import dev.daybook.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** Where reports live: {@code <content>/reports/YYYY/MM/YYYY-MM-DD.md}. */
public final class ReportStore {

  private final Path content;

  public ReportStore(Path content) {
    this.content = Objects.requireNonNull(content, "content");
  }

  public Path content() {
    return content;
  }

  public Path reportsDir() {
    return content.resolve("reports");
  }

  public Path pathFor(LocalDate date) {
    return reportsDir()
        .resolve(String.format(Locale.ROOT, "%04d", date.getYear()))
        .resolve(String.format(Locale.ROOT, "%02d", date.getMonthValue()))
        .resolve(date + ".md");
  }

  public boolean exists(LocalDate date) {
    return Files.exists(pathFor(date));
  }

  /** Every Markdown file under the reports folder, sorted by path. */
  public List<Path> list() throws IOException {
    if (!Files.isDirectory(reportsDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(reportsDir())) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .sorted()
          .toList();
    }
  }

  /** Writes a report atomically; an existing one is replaced only when {@code replace}. */
  public Path write(LocalDate date, String text, boolean replace) throws IOException {
    Path target = pathFor(date);
    AtomicFiles.write(target, text, replace);
    return target;
  }
}
