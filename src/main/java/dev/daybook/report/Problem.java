package dev.daybook.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong in a report, at a line: printed as {@code file:line: what}. Line 0 is the whole
 * file (or folder), one that cannot be read: printed as {@code file: what}.
 */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(Problem other) {
    int byFile = file.toString().compareTo(other.file.toString());
    return byFile != 0 ? byFile : Integer.compare(line, other.line);
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
