package dev.daybook.build;

import dev.daybook.site.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last build made of the costly pages (the reports JBake renders, the search export):
 * for each file of the site, a digest of everything its bytes depend on, and its size. A rebuild
 * whose digest for a page is the same, and whose published file is still there with that size,
 * keeps the file instead of making it again. Kept in the build cache (stage {@code site} of
 * {@link BuildCache}), never published; a missing or unreadable manifest only means a full build.
 *
 * <p>The digest covers the inputs a build can see (source text, neighbours, templates, site
 * settings, {@link #FORMAT}); a change in how Daybook renders must change {@link #FORMAT}.
 */
final class PageManifest {

  /** Bumped whenever the same inputs would render different bytes. */
  static final String FORMAT = Digests.FORMAT;

  private record Entry(String key, long size) {}

  /** Sorted, so that the files under a folder are one range of it; only read. */
  private final SortedMap<String, Entry> previous;
  private final Map<String, Entry> next = new ConcurrentHashMap<>();

  private PageManifest(SortedMap<String, Entry> previous) {
    this.previous = previous;
  }

  /** The manifest of the last build from the bytes it {@linkplain #bytes gave}, or an empty one. */
  static PageManifest load(byte[] bytes) {
    SortedMap<String, Entry> entries = new TreeMap<>();
    if (bytes == null) {
      return new PageManifest(entries);
    }
    try {
      List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
        return new PageManifest(new TreeMap<>());
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        entries.put(f[0], new Entry(f[1], Long.parseLong(f[2])));
      }
      return new PageManifest(entries);
    } catch (RuntimeException e) {
      return new PageManifest(new TreeMap<>());
    }
  }

  /**
   * Keeps the published file at {@code path} if the last build made it from the same inputs,
   * and records the page for the next build either way.
   *
   * @return true if the file was kept; false if the caller must make and {@linkplain
   *     SiteOutput#put put} it
   */
  boolean keep(SiteOutput site, String path, String key) throws IOException {
    Entry last = previous.get(path);
    boolean kept = last != null && last.key().equals(key)
        && site.keep(Map.of(path, last.size()));
    if (kept) {
      next.put(path, last);
    }
    return kept;
  }

  /**
   * Keeps every published file under a folder if the last build made them all from the same
   * inputs (one key for the folder; null: whatever their keys, for a folder whose inputs the
   * caller checked as a whole) and they are all still there.
   */
  boolean keepAll(SiteOutput site, String folder, String key) throws IOException {
    if (!folder.endsWith("/")) {
      throw new IllegalArgumentException("not a folder: " + folder); // 2020-01 is not 2020-010
    }
    // The paths under the folder: those from the folder's name to the next name without it.
    SortedMap<String, Entry> files = previous.subMap(folder, folder + Character.MAX_VALUE);
    if (files.isEmpty()
        || (key != null && files.values().stream().anyMatch(e -> !e.key().equals(key)))) {
      return false;
    }
    Map<String, Long> sizes = new LinkedHashMap<>();
    files.forEach((path, e) -> sizes.put(path, e.size()));
    if (!site.keep(sizes)) {
      return false;
    }
    next.putAll(files);
    return true;
  }

  /** Whether the last build made the file at {@code path} under {@code key}. */
  boolean madeUnder(String path, String key) {
    Entry last = previous.get(path);
    return last != null && last.key().equals(key);
  }

  /** Records a page made by this build. */
  void made(String path, String key, long size) {
    next.put(path, new Entry(key, size));
  }

  /**
   * What this build made and kept, as the file the next build {@linkplain #load loads} (sorted,
   * so the file is deterministic too). It is published with the site it describes.
   */
  byte[] bytes() {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    next.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text
        .append(e.getKey()).append('\t').append(e.getValue().key()).append('\t')
        .append(e.getValue().size()).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
