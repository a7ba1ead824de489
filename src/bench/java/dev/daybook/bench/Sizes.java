package dev.daybook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File counts, byte sizes and deletion of folder trees. */
final class Sizes {

  private Sizes() {}

  /** {files, bytes} of a folder; {0, 0} when it does not exist. */
  static long[] of(Path dir) throws IOException {
    long[] size = {0, 0};
    if (dir == null || !Files.exists(dir)) {
      return size;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        size[0]++;
        size[1] += Files.size(f);
      }
    }
    return size;
  }

  static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
