package dev.daybook.archive;

import dev.daybook.io.AtomicFiles;
import dev.daybook.io.FileErrors;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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

  /**
   * What is under the reports folder.
   *
   * @param files every Markdown file, sorted by path
   * @param unreadable what could not be read, sorted: a folder that cannot be listed, a {@code
   *     .md} that is a link to nothing or not a file at all (a pipe), each with the reason
   */
  public record Listing(List<Path> files, SortedMap<Path, String> unreadable) {}

  /** Every Markdown file under the reports folder, sorted by path; none when it does not exist. */
  public List<Path> list() throws IOException {
    Listing listing = scan();
    if (!listing.unreadable().isEmpty()) {
      Map.Entry<Path, String> first = listing.unreadable().entrySet().iterator().next();
      throw new IOException(first.getKey() + ": " + first.getValue());
    }
    return listing.files();
  }

  /**
   * Every Markdown file under the reports folder, and what could not be read there: a report
   * hidden by a folder that cannot be read, or a link to nothing, must not silently drop out of
   * the archive.
   */
  public Listing scan() throws IOException {
    List<Path> files = new ArrayList<>();
    SortedMap<Path, String> unreadable = new TreeMap<>();
    Path root = reportsDir();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes link) {
        if (!file.getFileName().toString().endsWith(".md")) {
          return FileVisitResult.CONTINUE;
        }
        BasicFileAttributes a = link;
        if (link.isSymbolicLink()) {
          try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
          } catch (IOException e) {
            unreadable.put(file, "a link to " + target(file) + ", which cannot be read ("
                + FileErrors.reason(e) + ")");
            return FileVisitResult.CONTINUE;
          }
        }
        if (a.isRegularFile()) {
          files.add(file);
        } else if (!a.isDirectory()) {
          unreadable.put(file, "not a file that can be read (a pipe, socket or device)");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        // The reports folder itself missing is an empty archive; anything else is a problem.
        if (!(file.equals(root) && e instanceof NoSuchFileException)) {
          unreadable.put(file, FileErrors.reason(e));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        if (e != null) {
          unreadable.put(dir, FileErrors.reason(e)); // failed partway through its listing
        }
        return FileVisitResult.CONTINUE;
      }
    });
    Collections.sort(files);
    return new Listing(List.copyOf(files), Collections.unmodifiableSortedMap(unreadable));
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  /** Writes a report atomically; an existing one is replaced only when {@code replace}. */
  public Path write(LocalDate date, String text, boolean replace) throws IOException {
    Path target = pathFor(date);
    AtomicFiles.write(target, text, replace);
    return target;
  }
}
