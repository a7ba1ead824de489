package dev.daybook.build;

import dev.daybook.site.Digests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The last build's pages, sorted by path, so that the files under a folder are one range. */
  private final String[] paths;
  private final Entry[] entries;
  private final Map<String, Entry> next = new ConcurrentHashMap<>();

  private PageManifest(String[] paths, Entry[] entries) {
    this.paths = paths;
    this.entries = entries;
  }

  /**
   * The manifest of the last build from the bytes it {@linkplain #bytes gave}, or an empty one
   * when there are none or they are not such a manifest.
   */
  static PageManifest load(ByteBuffer bytes) {
    PageManifest empty = new PageManifest(new String[0], new Entry[0]);
    if (bytes == null) {
      return empty;
    }
    String text = new String(bytes.array(), bytes.arrayOffset() + bytes.position(),
        bytes.remaining(), StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    try {
      int at = text.indexOf('\n') + 1;
      if (at == 0 || !text.startsWith(FORMAT + "\n")) {
        return empty;
      }
      while (at < text.length()) {
        int tab = text.indexOf('\t', at);
        int tab2 = text.indexOf('\t', tab + 1);
        int end = text.indexOf('\n', tab2 + 1);
        String path = text.substring(at, tab);
        if (!paths.isEmpty() && paths.get(paths.size() - 1).compareTo(path) >= 0) {
          return empty; // not as bytes() writes it: sorted, each path once
        }
        paths.add(path);
        entries.add(new Entry(text.substring(tab + 1, tab2),
            Long.parseLong(text, tab2 + 1, end, 10)));
        at = end + 1;
      }
    } catch (RuntimeException e) {
      return empty;
    }
    return new PageManifest(paths.toArray(String[]::new), entries.toArray(Entry[]::new));
  }

  /** The last build's entry for a path, or null. */
  private Entry previous(String path) {
    int i = Arrays.binarySearch(paths, path);
    return i < 0 ? null : entries[i];
  }

  /**
   * Keeps the published file at {@code path} if the last build made it from the same inputs,
   * and records the page for the next build either way.
   *
   * @return true if the file was kept; false if the caller must make and {@linkplain
   *     SiteOutput#put put} it
   */
  boolean keep(SiteOutput site, String path, String key) throws IOException {
    Entry last = previous(path);
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
    // The paths under the folder: those from the folder's name to the first without it.
    int found = Arrays.binarySearch(paths, folder);
    int from = found >= 0 ? found : -found - 1;
    int to = from;
    while (to < paths.length && paths[to].startsWith(folder)) {
      if (key != null && !entries[to].key().equals(key)) {
        return false;
      }
      to++;
    }
    if (from == to) {
      return false;
    }
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      sizes.put(paths[i], entries[i].size());
    }
    if (!site.keep(sizes)) {
      return false;
    }
    for (int i = from; i < to; i++) {
      next.put(paths[i], entries[i]);
    }
    return true;
  }

  /** Whether the last build made the file at {@code path} under {@code key}. */
  boolean madeUnder(String path, String key) {
    Entry last = previous(path);
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
    String[] made = next.keySet().toArray(String[]::new);
    Arrays.sort(made);
    StringBuilder text = new StringBuilder(made.length * 112).append(FORMAT).append('\n');
    for (String path : made) {
      Entry e = next.get(path);
      text.append(path).append('\t').append(e.key()).append('\t').append(e.size()).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
