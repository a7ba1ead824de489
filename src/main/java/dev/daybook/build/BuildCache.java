package dev.daybook.build;

import java.nio.file.Path;

/**
 * The one place that says what a build keeps for the next one: the folder {@code .daybook/}
 * beside the output folder (never published, git-ignored). Deleting it only makes the next build a
 * full one, of the same bytes. For an output folder named {@code OUT} it holds:
 *
 * <ul>
 *   <li>{@code lucene/}: the search index, updated report by report (Lucene's own format; {@code
 *       daybook search} reads it);
 *   <li>{@code OUT.parsed/}: the parsed reports with each file's digest and stamp ({@link
 *       ReportCache});
 *   <li>{@code OUT.pages}: for each file of the site, a digest of what it was made from and its
 *       size ({@link PageManifest});
 *   <li>{@code OUT.search}: what the search export needs to extend itself after a new day;
 *   <li>{@code OUT.lock}: locked by the build of {@code OUT} that runs ({@link BuildLock});
 *   <li>{@code OUT.work/}: that build's work folder (its JBake project, the files it stages and
 *       those its publish replaces), deleted when it ends, or by the next build if it was killed;
 *   <li>{@code OUT.journal}: only while a build publishes, what it moves and deletes ({@link
 *       Publication}).
 * </ul>
 *
 * @param dir the {@code .daybook} folder
 * @param output the output folder's name
 */
public record BuildCache(Path dir, String output) {

  /** The cache of an output folder: {@code .daybook/} in the folder that holds it. */
  public static BuildCache of(Path output) {
    Path parent = output.getParent();
    Path name = output.toAbsolutePath().normalize().getFileName();
    return new BuildCache(parent == null ? Path.of(".daybook") : parent.resolve(".daybook"),
        name == null ? "output" : name.toString());
  }

  /** The Lucene search index. */
  public Path lucene() {
    return dir.resolve("lucene");
  }

  Path parsed() {
    return file(".parsed");
  }

  Path pages() {
    return file(".pages");
  }

  Path exportState() {
    return file(".search");
  }

  Path lock() {
    return file(".lock");
  }

  Path work() {
    return file(".work");
  }

  Path journal() {
    return file(".journal");
  }

  /** Where earlier versions kept the parsed reports in one file; deleted when seen. */
  Path oldParsed() {
    return file(".reports");
  }

  /** The cache file of this output with a suffix: {@code OUT.pages}, {@code OUT.lock}... */
  private Path file(String suffix) {
    return dir.resolve(output + suffix);
  }
}
