package dev.daybook.build;

import java.nio.file.Path;
import java.util.List;

/**
 * The one place that says what a build keeps for the next one: the folder {@code .daybook/}
 * beside the output folder (never published, git-ignored). Deleting it only makes the next build a
 * full one, of the same bytes. For an output folder named {@code OUT} it holds:
 *
 * <ul>
 *   <li>{@code lucene/}: the search index, updated report by report (Lucene's own format; {@code
 *       daybook search} reads it);
 *   <li>{@code OUT.cache/}: the build cache ({@link CacheStore}): entries in one format, each in
 *       a file named by a digest of its stage, the stage's version and its inputs, in a folder per
 *       stage:
 *       <ul>
 *         <li>{@code report/}: each report as parsed ({@link ReportCodec}), by the digest of its
 *             file's bytes;
 *         <li>{@code search/}: for each part of the search export ({@link
 *             dev.daybook.search.StaticExport.Part}), by the documents it was made from, what
 *             {@code meta.json} says of it, so that a build whose part holds the same documents
 *             keeps its files (the site's {@link PageManifest} says which are that part's);
 *         <li>{@code site/}: one entry, what the published site was made from: for each of its
 *             files, the key of its inputs and its size ({@link PageManifest}); published with
 *             the site it describes.
 *       </ul>
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

  /** The stages of the build cache, each a folder of {@link #entries}. */
  static final String REPORT = "report";
  static final String SEARCH = "search";
  static final String SITE = "site";

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

  /** The build cache's entries. */
  Path entries() {
    return file(".cache");
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

  /** What earlier versions kept, each cache in its own format; deleted when seen. */
  List<Path> old() {
    return List.of(file(".reports"), file(".parsed"), file(".pages"), file(".search"));
  }

  /** The cache file of this output with a suffix: {@code OUT.cache}, {@code OUT.lock}... */
  private Path file(String suffix) {
    return dir.resolve(output + suffix);
  }
}
