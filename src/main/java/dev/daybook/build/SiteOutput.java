package dev.daybook.build;

import dev.daybook.concurrent.Background;
import dev.daybook.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The finished site, written so that a build touches only what changed. Every file of the new
 * site is {@linkplain #put given} (or {@linkplain #keep kept} when the build knows it is
 * unchanged); a file whose bytes equal the published one is not written, a changed one is staged
 * in the build's work folder. Only when the whole build has succeeded does {@link #commit}
 * publish it ({@link Publication}): the staged files move into place, each by an atomic rename,
 * the published files the new site no longer has are deleted, and the caches that describe the
 * site are replaced, all or nothing. So a failed build changes nothing, a reader never sees a
 * half-written file, and a rebuild with nothing changed writes nothing.
 *
 * <p>Thread-safe: pages may be given from several threads.
 */
final class SiteOutput {

  /** What {@link #commit} did: site paths written and deleted (sorted), and the site's size. */
  record Changes(List<String> written, List<String> deleted, int files, long bytes) {}

  private final Path live;
  private final BuildCache cache;
  private final Publication publication;
  /** Every file of the new site and its size. */
  private final Map<String, Long> files = new ConcurrentHashMap<>();
  private final Map<String, Boolean> changed = new ConcurrentHashMap<>();
  /** The folders of the staged files made so far. */
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  /**
   * The published site as it is before this build publishes: listed beside the build, from its
   * start, as nothing changes it until {@link #commit} (the build holds the output's lock).
   */
  private final Background<Listing> published;

  /**
   * @param live the published site (may not exist yet)
   * @param cache the build's cache, which holds its work folder (empty) on the same file system
   */
  SiteOutput(Path live, BuildCache cache) {
    this.live = live;
    this.cache = cache;
    this.publication = new Publication(live, cache);
    this.published = Background.start("daybook-listing", this::list);
  }

  /** Gives one file of the new site; returns its size in bytes. */
  long put(String path, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    put(path, bytes);
    return bytes.length;
  }

  /** Gives one file of the new site; it is staged only if the published one differs. */
  void put(String path, byte[] bytes) throws IOException {
    check(path);
    if (files.putIfAbsent(path, (long) bytes.length) != null) {
      throw new IllegalStateException("two pages for " + path);
    }
    if (same(live.resolve(path), bytes)) {
      return;
    }
    Path target = publication.staged(path);
    // Once per folder (a build may stage thousands of files in one, the search export); noted
    // only once made, as another thread may be about to write into it.
    if (!folders.contains(target.getParent())) {
      Files.createDirectories(target.getParent());
      folders.add(target.getParent());
    }
    Files.write(target, bytes);
    changed.put(path, Boolean.TRUE);
  }

  /**
   * Keeps published files without reading them, all or none, for pages the build knows are
   * unchanged.
   *
   * @param sizes the size each file had when it was made, by site path
   * @return false, keeping none, when a file is missing or its size changed (the caller must make
   *     them after all)
   */
  boolean keep(Map<String, Long> sizes) throws IOException {
    for (Map.Entry<String, Long> file : sizes.entrySet()) {
      check(file.getKey());
      // One stat, not two: a rebuild asks this of every file it keeps.
      try {
        BasicFileAttributes a = Files.readAttributes(live.resolve(file.getKey()),
            BasicFileAttributes.class);
        if (!a.isRegularFile() || a.size() != file.getValue()) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    for (Map.Entry<String, Long> file : sizes.entrySet()) {
      if (files.putIfAbsent(file.getKey(), file.getValue()) != null) {
        throw new IllegalStateException("two pages for " + file.getKey());
      }
    }
    return true;
  }

  /**
   * Publishes the new site: moves the staged files into place, deletes the published files and
   * folders the site lost, and replaces the caches that describe the site, all or nothing.
   *
   * @param caches the new bytes of cache files in {@link BuildCache#dir}, by path
   */
  Changes commit(Map<Path, byte[]> caches) throws IOException {
    List<String> written = changed.keySet().stream().sorted().toList();
    long bytes = files.values().stream().mapToLong(Long::longValue).sum();
    if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS) && moveWhole(caches)) {
      return new Changes(written, List.of(), files.size(), bytes);
    }
    Publication.Plan plan = plan(written, caches.keySet().stream()
        .map(c -> cache.dir().relativize(c).toString()).sorted().toList());
    if (plan.written().isEmpty() && plan.deleted().isEmpty() && plan.folders().isEmpty()) {
      // The site stays as it is, and each cache describes it, old or new: no journal needed.
      for (Map.Entry<Path, byte[]> c : caches.entrySet()) {
        AtomicFiles.replaceCache(c.getKey(), c.getValue());
      }
    } else {
      for (Map.Entry<Path, byte[]> c : caches.entrySet()) {
        Path staged = publication.stagedCache(cache.dir().relativize(c.getKey()).toString());
        Files.createDirectories(staged.getParent());
        Files.write(staged, c.getValue());
      }
      publication.publish(plan);
    }
    Files.createDirectories(live);
    return new Changes(written, plan.deleted(), files.size(), bytes);
  }

  /**
   * A first build: the staged folder becomes the site in one move, where the file system can.
   *
   * @return false when it cannot (the site is then published file by file)
   */
  private boolean moveWhole(Map<Path, byte[]> caches) throws IOException {
    // Caches left from a site since deleted would describe this one wrongly until replaced.
    for (Path c : caches.keySet()) {
      Files.deleteIfExists(c);
    }
    Path staged = publication.staged("");
    Files.createDirectories(live.toAbsolutePath().getParent());
    Files.createDirectories(staged);
    try {
      Files.move(staged, live, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      return false;
    }
    for (Map.Entry<Path, byte[]> c : caches.entrySet()) {
      AtomicFiles.replaceCache(c.getKey(), c.getValue());
    }
    return true;
  }

  /**
   * Waits for the listing of the published site, so that no build leaves it running (one that
   * failed, or a first build, which publishes without it); its failure matters only to {@link
   * #commit}.
   */
  void close() {
    try {
      published.finish();
    } catch (IOException | RuntimeException e) {
      // only a listing: the build's own outcome is the one reported
    }
  }

  /**
   * What publishing the site does: the files written, the published files the site no longer
   * has, and the folders that leaves empty (or that were empty), deepest first.
   */
  private Publication.Plan plan(List<String> written, List<String> caches) throws IOException {
    // Every folder that holds a file of the new site.
    Set<String> needed = new HashSet<>();
    for (String path : files.keySet()) {
      for (int slash = path.lastIndexOf('/'); slash > 0 && needed.add(path.substring(0, slash));
          slash = path.lastIndexOf('/', slash - 1)) {
        // each folder above the file, up to one already noted
      }
    }
    Listing listing = published.finish();
    List<String> deleted = listing.files().stream().filter(p -> !files.containsKey(p)).sorted()
        .toList();
    List<String> emptied = listing.folders().stream().filter(f -> !needed.contains(f)).toList();
    return new Publication.Plan(written, deleted, emptied, caches);
  }

  /**
   * The published site's files and its folders but the top one, deepest first.
   */
  private record Listing(List<String> files, List<String> folders) {}

  /**
   * Lists the published site in one pass that gets each entry's attributes with the listing (a
   * site of years has tens of thousands of files, and a stat per file was most of this step).
   */
  private Listing list() throws IOException {
    List<String> found = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    if (Files.isDirectory(live)) {
      // The folder itself, when the site's folder is a link to it: a walk from the link would
      // take the link for a file of the site.
      Path root = live.toRealPath();
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path p, BasicFileAttributes attributes) {
          found.add(sitePath(root, p));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          if (!dir.equals(root)) {
            folders.add(sitePath(root, dir));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    }
    return new Listing(found, folders);
  }

  private static String sitePath(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static boolean same(Path published, byte[] bytes) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(published, BasicFileAttributes.class);
    } catch (IOException e) {
      return false; // nothing readable there: the file is written
    }
    if (!a.isRegularFile() || a.size() != bytes.length) {
      return false;
    }
    return Arrays.equals(Files.readAllBytes(published), bytes);
  }

  private static void check(String path) {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
        || Arrays.asList(path.split("/")).contains("..")) {
      throw new IllegalArgumentException("not a site path: " + path);
    }
  }
}
