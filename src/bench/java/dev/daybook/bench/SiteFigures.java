package dev.daybook.bench;

import dev.daybook.site.SitePaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The size of one built site: bytes and files in total and per commit, the largest top-level
 * folder by bytes and by files, the directory with the most files in it, the largest file, the
 * shares of the static search index ({@code search/}) and of the digests ({@code weekly/},
 * {@code monthly/} and each repository's, {@link SitePaths#isDigest}), and whether the site fits
 * GitHub Pages' documented limits.
 */
final class SiteFigures {

  /**
   * "Published GitHub Pages sites may be no larger than 1 GB", and "GitHub Pages source
   * repositories have a recommended limit of 1 GB"
   * (https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits).
   * Taken as 10^9 bytes, the lower reading of "GB".
   */
  static final long PAGES_SITE_LIMIT = 1_000_000_000L;
  static final long PAGES_REPOSITORY_LIMIT = 1_000_000_000L;
  /**
   * GitHub refuses a pushed file larger than 100 MiB
   * (https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github):
   * it matters when the site is published from a branch instead of by the Pages workflow.
   */
  static final long GITHUB_FILE_LIMIT = 100L * 1024 * 1024;

  /** The name of the site's own folder (files at the top level) among the folders. */
  static final String TOP = ".";

  private SiteFigures() {}

  /** Files and bytes of a part of the site. */
  private static final class Part {
    long files;
    long bytes;

    void add(long size) {
      files++;
      bytes += size;
    }

    Map<String, Object> json(String key, String name, Part of) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (key != null) {
        m.put(key, name);
      }
      m.put("files", files);
      m.put("bytes", bytes);
      m.put("shareOfFiles", share(files, of.files));
      m.put("shareOfBytes", share(bytes, of.bytes));
      return m;
    }
  }

  /**
   * The figures as JSON.
   *
   * @param site the built site
   * @param commits the commits the site lists
   * @param content the archive it was built from (its size is set beside the source repository's
   *     recommended limit: the archive is what the repository keeps)
   * @param phasesMs the build's phases, for the time of the digests
   */
  static Map<String, Object> of(Path site, long commits, Path content,
      Map<String, Object> phasesMs) throws IOException {
    Part all = new Part();
    Part search = new Part();
    Part digests = new Part();
    Map<String, Part> folders = new TreeMap<>();
    Map<String, Long> inDirectory = new TreeMap<>();
    String largestFile = null;
    long largestFileBytes = -1;
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = site.relativize(file).toString().replace('\\', '/');
        long size = Files.size(file);
        all.add(size);
        int slash = path.indexOf('/');
        folders.computeIfAbsent(slash < 0 ? TOP : path.substring(0, slash + 1), k -> new Part())
            .add(size);
        int last = path.lastIndexOf('/');
        inDirectory.merge(last < 0 ? TOP : path.substring(0, last + 1), 1L, Long::sum);
        if (path.startsWith(SitePaths.SEARCH_DATA + "/")) {
          search.add(size);
        }
        if (SitePaths.isDigest(path)) {
          digests.add(size);
        }
        if (size > largestFileBytes) {
          largestFile = path;
          largestFileBytes = size;
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", all.files);
    m.put("bytes", all.bytes);
    m.put("commits", commits);
    m.put("bytesPerCommit", commits == 0 ? 0.0 : (double) all.bytes / commits);
    m.put("filesPerCommit", commits == 0 ? 0.0 : (double) all.files / commits);
    Map<String, Object> byFolder = new LinkedHashMap<>();
    String byBytes = null;
    String byFiles = null;
    for (Map.Entry<String, Part> f : folders.entrySet()) {
      byFolder.put(f.getKey(), f.getValue().json(null, null, all));
      // Ties go to the first name: the same answer on every run.
      if (byBytes == null || f.getValue().bytes > folders.get(byBytes).bytes) {
        byBytes = f.getKey();
      }
      if (byFiles == null || f.getValue().files > folders.get(byFiles).files) {
        byFiles = f.getKey();
      }
    }
    m.put("folders", byFolder);
    m.put("largestFolderByBytes", byBytes == null ? Map.of()
        : folders.get(byBytes).json("folder", byBytes, all));
    m.put("largestFolderByFiles", byFiles == null ? Map.of()
        : folders.get(byFiles).json("folder", byFiles, all));
    String fullest = null;
    for (Map.Entry<String, Long> d : inDirectory.entrySet()) {
      if (fullest == null || d.getValue() > inDirectory.get(fullest)) {
        fullest = d.getKey();
      }
    }
    m.put("fullestDirectory", fullest == null ? Map.of()
        : pair("directory", fullest, "files", inDirectory.get(fullest)));
    m.put("largestFile", largestFile == null ? Map.of()
        : pair("path", largestFile, "bytes", largestFileBytes));
    m.put("search", search.json("folder", SitePaths.SEARCH_DATA + "/", all));
    Map<String, Object> digest = digests.json(null, null, all);
    digest.put("ms", Benchmark.num(phasesMs, "digests"));
    digest.put("pagesMs", Benchmark.num(phasesMs, "pages"));
    m.put("digests", digest);
    long archive = Sizes.of(content)[1];
    Map<String, Object> pages = new LinkedHashMap<>();
    pages.put("siteLimitBytes", PAGES_SITE_LIMIT);
    pages.put("siteFits", all.bytes <= PAGES_SITE_LIMIT);
    // At this site's bytes per commit: roughly where a growing archive meets the limit.
    pages.put("commitsAtSiteLimit", all.bytes == 0 ? 0L
        : (long) (PAGES_SITE_LIMIT / ((double) all.bytes / Math.max(1, commits))));
    pages.put("fileLimitBytes", GITHUB_FILE_LIMIT);
    pages.put("largestFileFits", largestFileBytes <= GITHUB_FILE_LIMIT);
    pages.put("repositoryLimitBytes", PAGES_REPOSITORY_LIMIT);
    pages.put("archiveBytes", archive);
    pages.put("archiveFits", archive <= PAGES_REPOSITORY_LIMIT);
    pages.put("fits", all.bytes <= PAGES_SITE_LIMIT && largestFileBytes <= GITHUB_FILE_LIMIT
        && archive <= PAGES_REPOSITORY_LIMIT);
    m.put("githubPages", pages);
    return m;
  }

  /** Two entries in this order (Map.of has none: the JSON would differ from run to run). */
  private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> m, PrintWriter out) {
    out.printf(Locale.ROOT, "  site: %s in %,d files; per commit %,.0f bytes and %.3f files"
        + " (%,d commits)%n", mb(num(m, "bytes")), (long) num(m, "files"),
        num(m, "bytesPerCommit"), num(m, "filesPerCommit"), (long) num(m, "commits"));
    Map<String, Object> byBytes = (Map<String, Object>) m.get("largestFolderByBytes");
    Map<String, Object> byFiles = (Map<String, Object>) m.get("largestFolderByFiles");
    if (!byBytes.isEmpty()) {
      out.printf(Locale.ROOT, "    largest folder by bytes: %s %s (%.1f%%); by files: %s %,d"
          + " files (%.1f%%)%n", byBytes.get("folder"), mb(num(byBytes, "bytes")),
          100 * num(byBytes, "shareOfBytes"), byFiles.get("folder"), (long) num(byFiles, "files"),
          100 * num(byFiles, "shareOfFiles"));
    }
    Map<String, Object> fullest = (Map<String, Object>) m.get("fullestDirectory");
    Map<String, Object> file = (Map<String, Object>) m.get("largestFile");
    if (!fullest.isEmpty()) {
      out.printf(Locale.ROOT, "    most files in one directory: %s %,d; largest file: %s %s%n",
          fullest.get("directory"), (long) num(fullest, "files"), file.get("path"),
          mb(num(file, "bytes")));
    }
    for (String part : List.of("search", "digests")) {
      Map<String, Object> p = (Map<String, Object>) m.get(part);
      out.printf(Locale.ROOT, "    %s: %s (%.1f%%) in %,d files (%.1f%%)%s%n",
          part.equals("search") ? "search index (search/)"
              : "digests (weekly/, monthly/, each repository's)",
          mb(num(p, "bytes")), 100 * num(p, "shareOfBytes"), (long) num(p, "files"),
          100 * num(p, "shareOfFiles"), part.equals("search") ? ""
              : String.format(Locale.ROOT, "; made in %.2f s of thread time (pages phase %.2f s)",
                  num(p, "ms") / 1000, num(p, "pagesMs") / 1000));
    }
    Map<String, Object> g = (Map<String, Object>) m.get("githubPages");
    out.printf(Locale.ROOT, "    GitHub Pages: site %s of 1 GB %s (about %,d commits at this size"
        + " per commit); largest file %s of 100 MiB %s; archive %s of the source repository's"
        + " recommended 1 GB %s%n", mb(num(m, "bytes")), fits(g, "siteFits"),
        (long) num(g, "commitsAtSiteLimit"), mb(num(file, "bytes")), fits(g, "largestFileFits"),
        mb(num(g, "archiveBytes")), fits(g, "archiveFits"));
    out.flush();
  }

  private static String fits(Map<String, Object> g, String key) {
    return Boolean.TRUE.equals(g.get(key)) ? "fits" : "DOES NOT FIT";
  }

  private static double num(Map<String, Object> m, String key) {
    return Benchmark.num(m, key);
  }

  private static String mb(double bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
