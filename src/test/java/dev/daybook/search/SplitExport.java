package dev.daybook.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * For tests of other packages: a site's {@code search/} exported again, published as the build does, with another split
 * threshold ({@link StaticExport#SPLIT}), so that the shipped week's frequent words are written
 * as heads and tails.
 */
public final class SplitExport {

  /** The threshold {@link StaticExportSplitTest} splits the shipped week's frequent words at. */
  public static final int LOW = StaticExportSplitTest.LOW;

  private SplitExport() {}

  /** Replaces the files of {@code search} by an export of {@code index} split at {@code split}. */
  public static void rewrite(Path index, Path search, int split) throws IOException {
    try (Stream<Path> old = Files.walk(search)) {
      for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(search)) {
          Files.delete(p);
        }
      }
    }
    StaticExport.write(index, (name, json) -> {
      Path to = search.resolve(PublishedFile.name(name));
      Files.createDirectories(to.getParent());
      Files.write(to, PublishedFile.compress(json));
    }, split);
  }
}
